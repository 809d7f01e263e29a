package fr.cnfs.applications.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.contracts.events.GrantAwarded;
import fr.cnfs.plumbing.inbox.RejectedEventException;

/** Keeps each approved application's funding figures, as funding-service reports them. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class FundingSummaryService {

    public void recordGrant(GrantAwarded grant) {
        Application application = Application.findById(grant.applicationId());
        if (application == null) {
            throw new RejectedEventException("GrantAwarded for unknown application " + grant.applicationId());
        }
        application.grantedAmount = grant.totalAmount();
    }
}
