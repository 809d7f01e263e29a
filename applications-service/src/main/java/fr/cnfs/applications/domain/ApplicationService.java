package fr.cnfs.applications.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.StructureSnapshot;
import fr.cnfs.plumbing.outbox.Outbox;
import fr.cnfs.plumbing.problem.BusinessRuleException;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.territory.Commune;
import fr.cnfs.territory.Siret;
import fr.cnfs.territory.TerritorialReferential;

/** Owns the transactions of the application lifecycle: each command changes state and writes its event together. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class ApplicationService {

    public static final String DEFAULT_FUNDING_PHASE = "PHASE_1";
    public static final int DEFAULT_RECRUITMENT_DEADLINE_MONTHS = 3;

    private final Outbox outbox;

    ApplicationService(Outbox outbox) {
        this.outbox = outbox;
    }

    public record NewApplication(String siret, String structureName, StructureType structureType, String communeCode,
            boolean qpv, boolean zrr, UUID campaignId, int postsRequested, int contractMonths) {
    }

    public Application create(NewApplication request) {
        Siret.invalidityReason(request.siret()).ifPresent(reason -> {
            throw new BusinessRuleException("invalid-siret", "siret " + request.siret() + ": " + reason);
        });
        TerritorialReferential referential = TerritorialReferential.instance();
        Commune commune = referential.commune(request.communeCode())
                .orElseThrow(() -> new BusinessRuleException("unknown-commune",
                        "communeCode " + request.communeCode() + " is not a commune of the official geographic code"));
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.siret = request.siret();
        application.structureName = request.structureName();
        application.structureType = request.structureType();
        application.category = request.structureType().category();
        application.communeCode = commune.code();
        application.departementCode = commune.departementCode();
        application.regionCode = commune.regionCode();
        application.territoryZone = commune.zone().name();
        application.territoryCode = referential.territoryCodeOf(commune);
        application.qpv = request.qpv();
        application.zrr = request.zrr();
        application.campaignId = request.campaignId();
        application.fundingPhase = DEFAULT_FUNDING_PHASE;
        application.postsRequested = request.postsRequested();
        application.contractMonths = request.contractMonths();
        application.status = ApplicationStatus.DRAFT;
        application.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        application.persist();
        return application;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Application> find(UUID id) {
        return Application.findByIdOptional(id);
    }

    public Application submit(UUID id) {
        Application application = get(id);
        application.moveTo(ApplicationStatus.SUBMITTED);
        return application;
    }

    public Application startReview(UUID id) {
        Application application = get(id);
        application.moveTo(ApplicationStatus.UNDER_REVIEW);
        return application;
    }

    /** Grants posts: one id per post, and {@code ApplicationApproved} in the same transaction. */
    public Application approve(UUID id, int postsGranted, String decisionNumber) {
        Application application = get(id);
        if (postsGranted > application.postsRequested) {
            throw new BusinessRuleException("posts-granted-above-requested",
                    "postsGranted (" + postsGranted + ") exceeds postsRequested (" + application.postsRequested + ")");
        }
        application.moveTo(ApplicationStatus.APPROVED);
        application.postsGranted = postsGranted;
        application.decisionNumber = decisionNumber;
        application.decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<UUID> postIds = new ArrayList<>();
        for (int i = 0; i < postsGranted; i++) {
            postIds.add(UUID.randomUUID());
        }
        application.grantedPostIds.addAll(postIds);
        outbox.publish(new ApplicationApproved(application.id, snapshotOf(application), application.campaignId,
                application.fundingPhase, postsGranted, postIds, application.contractMonths, decisionNumber,
                application.decidedAt, DEFAULT_RECRUITMENT_DEADLINE_MONTHS));
        return application;
    }

    private Application get(UUID id) {
        return find(id).orElseThrow(() -> new ResourceNotFoundException("Application", id));
    }

    static StructureSnapshot snapshotOf(Application application) {
        return new StructureSnapshot(application.siret, application.structureName, application.structureType.name(),
                application.category.name(), application.communeCode, application.departementCode,
                application.regionCode, application.territoryZone, application.territoryCode, application.qpv,
                application.zrr);
    }
}
