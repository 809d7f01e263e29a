package fr.cnfs.applications.domain;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import fr.cnfs.contracts.events.GrantAwarded;
import fr.cnfs.contracts.events.TranchePaid;
import fr.cnfs.plumbing.inbox.RejectedEventException;

/**
 * Keeps each approved application's grant and the amount paid so far, as funding-service reports them. Runs inside
 * the inbox transaction: a redelivered event has no second effect, and a tranche reported twice counts once.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class FundingSummaryService {

    private static final Logger LOG = Logger.getLogger(FundingSummaryService.class);

    private final ProgrammeCalendar calendar;

    FundingSummaryService(ProgrammeCalendar calendar) {
        this.calendar = calendar;
    }

    public void recordGrant(GrantAwarded grant) {
        requireApplication(grant.applicationId(), "GrantAwarded");
        FundingSummary summary = summaryOf(grant.applicationId());
        FundingFigures figures;
        BigDecimal amountPerPost;
        try {
            figures = new FundingFigures(grant.totalAmount(), summary.paidAmount);
            amountPerPost = FundingFigures.euros(grant.amountPerPost());
        } catch (IllegalArgumentException e) {
            throw new RejectedEventException("GrantAwarded " + grant.grantId() + ": " + e.getMessage());
        }
        summary.grantId = grant.grantId();
        summary.postCount = grant.postCount();
        summary.amountPerPost = amountPerPost;
        summary.grantedAmount = figures.granted();
        summary.paidAmount = figures.paid();
        summary.updatedAt = calendar.now();
    }

    public void recordTranchePaid(TranchePaid paid) {
        requireApplication(paid.applicationId(), "TranchePaid");
        if (TranchePayment.findById(paid.trancheId()) != null) {
            LOG.infof("Tranche %s already recorded as paid: TranchePaid ignored", paid.trancheId());
            return;
        }
        FundingSummary summary = summaryOf(paid.applicationId());
        FundingFigures figures;
        try {
            figures = new FundingFigures(summary.grantedAmount, summary.paidAmount).withPayment(paid.paidAmount());
        } catch (IllegalArgumentException e) {
            throw new RejectedEventException("TranchePaid " + paid.trancheId() + ": " + e.getMessage());
        }
        if (paid.paidOn() == null) {
            throw new RejectedEventException("TranchePaid " + paid.trancheId() + " has no paidOn date");
        }
        TranchePayment payment = new TranchePayment();
        payment.trancheId = paid.trancheId();
        payment.applicationId = paid.applicationId();
        payment.grantId = paid.grantId();
        payment.rank = paid.rank();
        payment.paidAmount = FundingFigures.euros(paid.paidAmount());
        payment.paidOn = paid.paidOn();
        payment.paymentReference = paid.paymentReference();
        payment.recordedAt = calendar.now();
        payment.persist();
        if (summary.grantId == null) {
            summary.grantId = paid.grantId();
        }
        summary.paidAmount = figures.paid();
        summary.updatedAt = calendar.now();
    }

    /** Funding follows approval (funding grants on ApplicationApproved), so reads look for it on approved ones only. */
    private static void requireApplication(UUID applicationId, String eventName) {
        Application application = applicationId == null ? null : Application.findById(applicationId);
        if (application == null) {
            throw new RejectedEventException(eventName + " for unknown application " + applicationId);
        }
        if (application.status != ApplicationStatus.APPROVED) {
            throw new RejectedEventException(eventName + " for application " + applicationId + ", which is "
                    + application.status + ", not APPROVED");
        }
    }

    private FundingSummary summaryOf(UUID applicationId) {
        FundingSummary summary = FundingSummary.findById(applicationId);
        if (summary == null) {
            summary = new FundingSummary();
            summary.applicationId = applicationId;
            summary.paidAmount = FundingFigures.ZERO;
            summary.updatedAt = calendar.now();
            summary.persist();
        }
        return summary;
    }
}
