package fr.cnfs.applications.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.ApplicationRejected;
import fr.cnfs.contracts.events.ApplicationSubmitted;
import fr.cnfs.contracts.events.ApplicationWithdrawn;
import fr.cnfs.plumbing.outbox.Outbox;
import fr.cnfs.plumbing.problem.BusinessRuleException;
import fr.cnfs.plumbing.problem.InvalidRequestException;
import fr.cnfs.plumbing.problem.PreconditionFailedException;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.problem.StateConflictException;
import fr.cnfs.plumbing.query.HqlLiterals;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Owns the transactions of the application lifecycle. Each command checks the state machine first (409), then the
 * business rules (422), then changes the state, appends to the history and writes its event, all in one transaction.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class ApplicationService {

    public record NewApplication(UUID structureId, UUID campaignId, int postsRequested, int contractMonths,
            LocalDate desiredStartDate, String motivation, boolean franceServicesLabel) {
    }

    /** Fields to change; a null field is left as it is. */
    public record ApplicationChanges(Integer postsRequested, Integer contractMonths, LocalDate desiredStartDate,
            String motivation, Boolean franceServicesLabel) {
    }

    public record Approval(int postsGranted, String decisionNumber, boolean priority, String comment) {
    }

    private final Outbox outbox;
    private final ContractDurationRules durations;
    private final ProgrammeCalendar calendar;

    ApplicationService(Outbox outbox, ContractDurationRules durations, ProgrammeCalendar calendar) {
        this.outbox = outbox;
        this.durations = durations;
        this.calendar = calendar;
    }

    /**
     * Creates a DRAFT in a transaction of its own. When the structure already has an application in progress there,
     * the 409 names it, read after the failed insert has rolled back: reading it while the failed transaction still
     * held its connection took a second one, and creations colliding as many times as the pool has connections would
     * each hold one and wait for another.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public Application create(NewApplication request, Actor actor, AccessScope scope) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> insert(request, actor, scope));
        } catch (OpenApplicationExists e) {
            throw duplicateApplication(e.campaignName, openApplication(e.structureId, e.campaignId));
        }
    }

    /** Thrown out of the creation's transaction to roll it back; {@link #create} turns it into the 409. */
    private static final class OpenApplicationExists extends RuntimeException {
        final UUID structureId;
        final UUID campaignId;
        final String campaignName;

        OpenApplicationExists(UUID structureId, UUID campaignId, String campaignName) {
            super(null, null, false, false);
            this.structureId = structureId;
            this.campaignId = campaignId;
            this.campaignName = campaignName;
        }
    }

    private Application insert(NewApplication request, Actor actor, AccessScope scope) {
        Structure structure = Structure.<Structure>findByIdOptional(request.structureId()).filter(scope::covers)
                .orElseThrow(() -> new BusinessRuleException("unknown-structure", "structure " + request.structureId()
                        + " is not registered, or is not yours; register it first with POST /structures"));
        Campaign campaign = Campaign.findWithCategories(request.campaignId())
                .orElseThrow(() -> new BusinessRuleException("unknown-campaign",
                        "campaign " + request.campaignId() + " does not exist"));
        if (campaign.statusOn(calendar.today()) == CampaignStatus.CLOSED) {
            throw new BusinessRuleException("campaign-closed",
                    "campaign " + campaign.name + " closed on " + campaign.closesOn);
        }
        if (!campaign.eligibleCategories.contains(structure.category)) {
            throw new BusinessRuleException("category-not-eligible", "campaign " + campaign.name + " is open to "
                    + campaign.eligibleCategories + " structures, not " + structure.category);
        }
        durations.check(campaign.fundingPhase, structure.category, request.contractMonths());

        Application application = new Application();
        application.id = UUID.randomUUID();
        application.structure = structure;
        application.campaign = campaign;
        application.siret = structure.siret;
        application.category = structure.category;
        application.departementCode = structure.departementCode;
        application.regionCode = structure.regionCode;
        application.territoryZone = structure.territoryZone;
        application.postsRequested = request.postsRequested();
        application.contractMonths = request.contractMonths();
        application.desiredStartDate = request.desiredStartDate();
        application.motivation = request.motivation();
        application.franceServicesLabel = request.franceServicesLabel();
        application.status = ApplicationStatus.DRAFT;
        application.createdAt = calendar.now();
        application.updatedAt = application.createdAt;
        application.persist();
        HistoryEntry.of(application, ApplicationCommand.CREATE, null, actor, application.createdAt, null).persist();
        try {
            Application.flush();
        } catch (PersistenceException e) {
            // One application in progress per structure and campaign: the partial unique index decides, also between
            // two creations racing, so the usual case costs no read before the insert.
            if (UniqueConstraints.violated(e, "application_one_open_per_structure_and_campaign")) {
                throw new OpenApplicationExists(structure.id, campaign.id, campaign.name);
            }
            throw e;
        }
        return application;
    }

    /** PATCH: in DRAFT or CHANGES_REQUESTED; {@code expectedVersion}, when given, must be current (else 412). */
    public Application update(UUID id, ApplicationChanges changes, Long expectedVersion, Actor actor, AccessScope scope) {
        Application application = get(id, scope);
        if (expectedVersion != null && expectedVersion != application.version) {
            throw new PreconditionFailedException("application " + id + " is at version " + application.version
                    + ", not " + expectedVersion + "; read it again");
        }
        ApplicationStatus from = application.status;
        ApplicationCommand.UPDATE.apply(from);
        List<String> changed = new ArrayList<>();
        if (changes.contractMonths() != null && changes.contractMonths() != application.contractMonths) {
            durations.check(application.campaign.fundingPhase, application.category, changes.contractMonths());
            application.contractMonths = changes.contractMonths();
            changed.add("contractMonths");
        }
        if (changes.postsRequested() != null && changes.postsRequested() != application.postsRequested) {
            application.postsRequested = changes.postsRequested();
            changed.add("postsRequested");
        }
        if (changes.desiredStartDate() != null && !changes.desiredStartDate().equals(application.desiredStartDate)) {
            application.desiredStartDate = changes.desiredStartDate();
            changed.add("desiredStartDate");
        }
        if (changes.motivation() != null && !changes.motivation().equals(application.motivation)) {
            application.motivation = changes.motivation();
            changed.add("motivation");
        }
        if (changes.franceServicesLabel() != null && changes.franceServicesLabel() != application.franceServicesLabel) {
            application.franceServicesLabel = changes.franceServicesLabel();
            changed.add("franceServicesLabel");
        }
        if (changed.isEmpty()) {
            return application;
        }
        return record(application, ApplicationCommand.UPDATE, from, actor, "changed: " + String.join(", ", changed));
    }

    public Application submit(UUID id, Actor actor, AccessScope scope) {
        Application application = get(id, scope);
        ApplicationStatus from = application.status;
        application.status = ApplicationCommand.SUBMIT.apply(from);
        Campaign campaign = application.campaign;
        CampaignStatus campaignStatus = campaign.statusOn(calendar.today());
        if (campaignStatus != CampaignStatus.OPEN) {
            throw new BusinessRuleException("campaign-not-open", "campaign " + campaign.name + " is " + campaignStatus
                    + " (open from " + campaign.opensOn + " to " + campaign.closesOn + "); submit while it is open");
        }
        requireComplete(application);
        durations.check(campaign.fundingPhase, application.category, application.contractMonths);
        application.submittedAt = calendar.now();
        record(application, ApplicationCommand.SUBMIT, from, actor, null);
        outbox.publish(new ApplicationSubmitted(application.id, application.structure.snapshot(), campaign.id,
                application.postsRequested, application.contractMonths, application.submittedAt));
        return application;
    }

    public Application startReview(UUID id, Actor actor) {
        Application application = get(id, AccessScope.everything());
        ApplicationStatus from = application.status;
        application.status = ApplicationCommand.START_REVIEW.apply(from);
        return record(application, ApplicationCommand.START_REVIEW, from, actor, null);
    }

    /** The message tells the structure what to change; it is in the history, which the structure reads. */
    public Application requestChanges(UUID id, String message, Actor actor) {
        Application application = get(id, AccessScope.everything());
        ApplicationStatus from = application.status;
        application.status = ApplicationCommand.REQUEST_CHANGES.apply(from);
        return record(application, ApplicationCommand.REQUEST_CHANGES, from, actor, message);
    }

    public Application resubmit(UUID id, String comment, Actor actor, AccessScope scope) {
        Application application = get(id, scope);
        ApplicationStatus from = application.status;
        application.status = ApplicationCommand.RESUBMIT.apply(from);
        requireComplete(application);
        durations.check(application.campaign.fundingPhase, application.category, application.contractMonths);
        return record(application, ApplicationCommand.RESUBMIT, from, actor, comment);
    }

    /**
     * Grants posts within the campaign's quota: the application row, then the campaign row, are locked, so that
     * concurrent approvals in a campaign are counted one after the other. One id per post; ApplicationApproved in the
     * same transaction.
     */
    public Application approve(UUID id, Approval approval, Actor actor) {
        Application application = Application.<Application>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("Application", id));
        ApplicationStatus from = application.status;
        ApplicationStatus to = ApplicationCommand.APPROVE.apply(from);
        if (approval.postsGranted() > application.postsRequested) {
            throw new BusinessRuleException("posts-granted-above-requested", "postsGranted (" + approval.postsGranted()
                    + ") exceeds postsRequested (" + application.postsRequested + ")");
        }
        Campaign campaign = application.campaign;

        application.status = to;
        application.postsGranted = approval.postsGranted();
        application.decisionNumber = approval.decisionNumber();
        application.priority = approval.priority();
        application.decisionComment = approval.comment();
        application.decidedAt = calendar.now();
        List<UUID> postIds = new ArrayList<>();
        for (int i = 0; i < approval.postsGranted(); i++) {
            postIds.add(UUID.randomUUID());
        }
        application.grantedPostIds.addAll(postIds);
        record(application, ApplicationCommand.APPROVE, from, actor, decisionText(approval.decisionNumber(),
                approval.postsGranted() + " post(s) granted", approval.comment()));
        outbox.publish(new ApplicationApproved(application.id, application.structure.snapshot(), campaign.id,
                campaign.fundingPhase, approval.postsGranted(), postIds, application.contractMonths,
                approval.decisionNumber(), application.decidedAt, campaign.recruitmentDeadlineMonths));
        takeFromQuota(campaign, approval.postsGranted());
        return application;
    }

    public Application reject(UUID id, RejectionReason reason, String comment, Actor actor) {
        Application application = get(id, AccessScope.everything());
        ApplicationStatus from = application.status;
        application.status = ApplicationCommand.REJECT.apply(from);
        if (reason == RejectionReason.OTHER && (comment == null || comment.isBlank())) {
            throw new InvalidRequestException("comment", "is required when the reason is OTHER");
        }
        application.rejectionReason = reason;
        application.decisionComment = comment;
        application.decidedAt = calendar.now();
        record(application, ApplicationCommand.REJECT, from, actor, decisionText(reason.name(), null, comment));
        outbox.publish(new ApplicationRejected(application.id, application.siret, application.campaign.id,
                reason.name(), application.decidedAt));
        return application;
    }

    public Application withdraw(UUID id, String comment, Actor actor, AccessScope scope) {
        Application application = get(id, scope);
        ApplicationStatus from = application.status;
        application.status = ApplicationCommand.WITHDRAW.apply(from);
        record(application, ApplicationCommand.WITHDRAW, from, actor, comment);
        outbox.publish(new ApplicationWithdrawn(application.id, application.siret, application.campaign.id,
                application.updatedAt));
        return application;
    }

    /** A prefect of the application's département: {@code scope} hides every other application (404). */
    public Application givePrefectOpinion(UUID id, PrefectOpinion opinion, String comment, Actor actor,
            AccessScope scope) {
        Application application = get(id, scope);
        ApplicationStatus from = application.status;
        application.status = ApplicationCommand.PREFECT_OPINION.apply(from);
        application.prefectOpinion = opinion;
        application.prefectOpinionComment = comment;
        application.prefectOpinionBy = actor.subject();
        application.prefectOpinionAt = calendar.now();
        return record(application, ApplicationCommand.PREFECT_OPINION, from, actor, decisionText(opinion.name(), null,
                comment));
    }

    /**
     * Takes the posts from the campaign's quota in one conditional update, the last statement before the commit: every
     * approval of a campaign waits for this row, so it stays locked for one statement and the commit, not for the
     * whole approval (which made the approvals of one campaign run one at a time, about 14 ms each; see bench/).
     * Refuses with 422 when the quota would be exceeded; the transaction, rolled back, changes nothing.
     */
    private static void takeFromQuota(Campaign campaign, int posts) {
        var entityManager = Campaign.getEntityManager();
        // A native statement flushes the approval's other changes first, so the row lock comes last.
        int updated = entityManager.createNativeQuery("UPDATE campaign SET posts_granted = posts_granted + ?1, "
                + "version = version + 1 WHERE id = ?2 AND posts_granted + ?1 <= post_quota")
                .setParameter(1, posts).setParameter(2, campaign.id).executeUpdate();
        if (updated == 0) {
            entityManager.refresh(campaign);
            campaign.grant(posts);
            // Not reached: the quota of a campaign is fixed, so a refused update means the refresh shows it exceeded.
            throw new IllegalStateException("campaign " + campaign.id + " refused " + posts + " post(s) with room left");
        }
    }

    private Application get(UUID id, AccessScope scope) {
        return Application.<Application>findByIdOptional(id).filter(scope::covers)
                .orElseThrow(() -> new ResourceNotFoundException("Application", id));
    }

    /** Stamps, appends the history entry and flushes, so that a concurrent change surfaces here as a 409. */
    private Application record(Application application, ApplicationCommand command, ApplicationStatus from,
            Actor actor, String comment) {
        application.updatedAt = calendar.now();
        HistoryEntry.of(application, command, from, actor, application.updatedAt, comment).persist();
        Application.flush();
        return application;
    }

    /** The application in progress that a creation collided with, or null if it has ended since. */
    private static UUID openApplication(UUID structureId, UUID campaignId) {
        return QuarkusTransaction.requiringNew().call(() -> Application.getEntityManager().createQuery(
                "select a.id from Application a where a.structure.id = ?1 and a.campaign.id = ?2 and a.status in "
                        + HqlLiterals.inList(ApplicationStatus.IN_PROGRESS), UUID.class)
                .setParameter(1, structureId).setParameter(2, campaignId)
                .getResultStream().findFirst().orElse(null));
    }

    private static StateConflictException duplicateApplication(String campaignName, UUID existing) {
        return new StateConflictException("duplicate-application", "the structure already has an application in "
                + "progress in campaign " + campaignName + (existing == null ? "" : " (" + existing + ")")
                + "; withdraw it or wait for its decision");
    }

    private static void requireComplete(Application application) {
        List<String> missing = new ArrayList<>();
        if (application.desiredStartDate == null) {
            missing.add("desiredStartDate");
        }
        if (application.motivation == null || application.motivation.isBlank()) {
            missing.add("motivation");
        }
        if (!missing.isEmpty()) {
            throw new BusinessRuleException("incomplete-application", "complete " + missing + " before submitting");
        }
    }

    private static String decisionText(String head, String detail, String comment) {
        StringBuilder text = new StringBuilder(head);
        if (detail != null) {
            text.append(", ").append(detail);
        }
        if (comment != null && !comment.isBlank()) {
            text.append(": ").append(comment);
        }
        return text.toString();
    }
}
