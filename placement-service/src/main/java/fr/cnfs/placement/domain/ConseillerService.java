package fr.cnfs.placement.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.BusinessRuleException;
import fr.cnfs.plumbing.problem.PreconditionFailedException;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.problem.StateConflictException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** The adviser pool: registration, profile changes and training. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class ConseillerService {

    static final String DUPLICATE_EMAIL = "conseiller_email_unique";
    static final String DUPLICATE_ACCOUNT = "conseiller_account_unique";
    private static final Map<String, String> UNIQUE_MESSAGES = Map.of(
            DUPLICATE_EMAIL, "another adviser is registered with this email",
            DUPLICATE_ACCOUNT, "this account already has an adviser profile");

    private final Clock clock;
    private final EntityManager entityManager;

    ConseillerService(Clock clock, EntityManager entityManager) {
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /**
     * Adds an adviser to the pool, AVAILABLE and with a training NOT_STARTED.
     *
     * @param accountSubject the token subject the profile belongs to (self-registration), or null
     */
    public Conseiller register(ConseillerProfile profile, String accountSubject) {
        UUID id = UUID.randomUUID();
        if (accountSubject != null) {
            Optional<Conseiller> existing = findByAccount(accountSubject);
            if (existing.isPresent()) {
                throw new StateConflictException("already-registered",
                        "this account already has an adviser profile: /conseillers/" + existing.get().id);
            }
        }
        String email = normalizeEmail(profile.email());
        requireEmailFree(email, null);
        Instant now = now();
        Conseiller conseiller = new Conseiller();
        conseiller.id = id;
        conseiller.accountSubject = accountSubject;
        conseiller.firstName = profile.firstName().strip();
        conseiller.lastName = profile.lastName().strip();
        conseiller.email = email;
        conseiller.phone = blankToNull(profile.phone());
        conseiller.moveTo(placeOf(profile.communeCode()));
        conseiller.mobility = profile.mobility();
        conseiller.availableFrom = profile.availableFrom();
        conseiller.jobSeeker = Boolean.TRUE.equals(profile.jobSeeker());
        conseiller.digitalMediationDiploma = Boolean.TRUE.equals(profile.digitalMediationDiploma());
        conseiller.priorExperience = Boolean.TRUE.equals(profile.priorExperience());
        conseiller.status = ConseillerStatus.AVAILABLE;
        conseiller.trainingStatus = TrainingStatus.NOT_STARTED;
        conseiller.createdAt = now;
        conseiller.updatedAt = now;
        conseiller.persist();
        Conflicts.flush(entityManager, UNIQUE_MESSAGES);
        return conseiller;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Conseiller> find(UUID id) {
        return Conseiller.findByIdOptional(id);
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Conseiller> findByAccount(String accountSubject) {
        return Conseiller.find("accountSubject", accountSubject).firstResultOptional();
    }

    @Transactional(TxType.MANDATORY)
    public Conseiller lock(UUID id) {
        Conseiller conseiller = entityManager.find(Conseiller.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (conseiller == null) {
            throw new ResourceNotFoundException("Conseiller", id);
        }
        return conseiller;
    }

    /**
     * Applies the non-null fields of {@code changes}. The status an adviser may choose is AVAILABLE or UNAVAILABLE;
     * RECRUITED follows the contracts.
     *
     * @param expectedVersion the If-Match version, or null
     */
    public Conseiller update(UUID id, ConseillerProfile changes, Long expectedVersion) {
        Conseiller conseiller = get(id);
        if (expectedVersion != null && expectedVersion != conseiller.version) {
            throw new PreconditionFailedException("the adviser is at version " + conseiller.version + ", not "
                    + expectedVersion);
        }
        if (changes.firstName() != null) {
            conseiller.firstName = changes.firstName().strip();
        }
        if (changes.lastName() != null) {
            conseiller.lastName = changes.lastName().strip();
        }
        if (changes.email() != null) {
            String email = normalizeEmail(changes.email());
            requireEmailFree(email, conseiller.id);
            conseiller.email = email;
        }
        if (changes.phone() != null) {
            conseiller.phone = blankToNull(changes.phone());
        }
        if (changes.communeCode() != null) {
            conseiller.moveTo(placeOf(changes.communeCode()));
        }
        if (changes.mobility() != null) {
            conseiller.mobility = changes.mobility();
        }
        if (changes.availableFrom() != null) {
            conseiller.availableFrom = changes.availableFrom();
        }
        if (changes.jobSeeker() != null) {
            conseiller.jobSeeker = changes.jobSeeker();
        }
        if (changes.digitalMediationDiploma() != null) {
            conseiller.digitalMediationDiploma = changes.digitalMediationDiploma();
        }
        if (changes.priorExperience() != null) {
            conseiller.priorExperience = changes.priorExperience();
        }
        if (changes.status() != null && changes.status() != conseiller.status) {
            if (!changes.status().isChosenByAdviser() || !conseiller.status.isChosenByAdviser()) {
                throw new StateConflictException("illegal-transition", "the status RECRUITED follows the contracts:"
                        + " it cannot be set or left by a profile change (" + conseiller.status + " → "
                        + changes.status() + ")");
            }
            conseiller.status = conseiller.status.to(changes.status());
        }
        conseiller.updatedAt = now();
        Conflicts.flush(entityManager, UNIQUE_MESSAGES);
        return conseiller;
    }

    /**
     * Records enrolment, progress, certification or abandonment. The date is not in the future nor before the
     * enrolment; the hours completed never go down.
     */
    public Conseiller recordTraining(UUID id, TrainingEntry entry, String actor) {
        Conseiller conseiller = get(id);
        TrainingStatus before = conseiller.trainingStatus;
        TrainingStatus after = entry.action().apply(before);
        LocalDate today = LocalDate.now(clock);
        if (entry.date().isAfter(today)) {
            throw new BusinessRuleException("training-date-not-in-future",
                    "the date " + entry.date() + " is after today, " + today);
        }
        if (conseiller.trainingEnrolledOn != null && entry.date().isBefore(conseiller.trainingEnrolledOn)) {
            throw new BusinessRuleException("training-date-not-before-enrolment",
                    "the date " + entry.date() + " is before the enrolment, " + conseiller.trainingEnrolledOn);
        }
        int hours = entry.hoursCompleted() == null ? conseiller.trainingHoursCompleted : entry.hoursCompleted();
        if (hours < conseiller.trainingHoursCompleted) {
            throw new BusinessRuleException("training-hours-not-decreasing", "hoursCompleted " + hours
                    + " is below the " + conseiller.trainingHoursCompleted + " hours already recorded");
        }
        switch (entry.action()) {
            case ENROL -> conseiller.trainingEnrolledOn = entry.date();
            case CERTIFY -> conseiller.trainingCertifiedOn = entry.date();
            case ABANDON -> conseiller.trainingAbandonedOn = entry.date();
            case RECORD_PROGRESS -> {
                // the hours are the progress
            }
        }
        conseiller.trainingStatus = after;
        conseiller.trainingHoursCompleted = hours;
        Instant now = now();
        conseiller.updatedAt = now;

        TrainingRecord record = new TrainingRecord();
        record.id = UUID.randomUUID();
        record.conseillerId = conseiller.id;
        record.action = entry.action();
        record.statusBefore = before;
        record.statusAfter = after;
        record.occurredOn = entry.date();
        record.hoursCompleted = hours;
        record.comment = blankToNull(entry.comment());
        record.recordedBy = actor;
        record.recordedAt = now;
        record.persist();
        return conseiller;
    }

    @Transactional(TxType.SUPPORTS)
    public List<TrainingRecord> trainingHistory(UUID id) {
        return TrainingRecord.list("conseillerId = ?1 order by recordedAt, id", id);
    }

    @Transactional(TxType.SUPPORTS)
    public <T> PageOf<T> list(ConseillerFilter filter, PageRequest page, Function<Conseiller, T> view) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.accountSubject() != null) {
            query.append(" and accountSubject = :account");
            parameters.and("account", filter.accountSubject());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.trainingStatus() != null) {
            query.append(" and trainingStatus = :training");
            parameters.and("training", filter.trainingStatus());
        }
        if (filter.mobility() != null) {
            query.append(" and mobility = :mobility");
            parameters.and("mobility", filter.mobility());
        }
        if (filter.communeCode() != null) {
            query.append(" and communeCode = :commune");
            parameters.and("commune", filter.communeCode());
        }
        if (filter.departementCode() != null) {
            query.append(" and departementCode = :departement");
            parameters.and("departement", filter.departementCode());
        }
        if (filter.regionCode() != null) {
            query.append(" and regionCode = :region");
            parameters.and("region", filter.regionCode());
        }
        if (filter.territoryZone() != null) {
            query.append(" and territoryZone = :zone");
            parameters.and("zone", filter.territoryZone());
        }
        if (filter.email() != null) {
            query.append(" and email = :email");
            parameters.and("email", normalizeEmail(filter.email()));
        }
        Sort sort = page.sortOr(Map.of("createdAt", "createdAt", "lastName", "lastName", "availableFrom",
                "availableFrom"), Sort.descending("createdAt").and("id"));
        return PageOf.of(Conseiller.find(query.toString(), sort, parameters), page, view);
    }

    private Conseiller get(UUID id) {
        return find(id).orElseThrow(() -> new ResourceNotFoundException("Conseiller", id));
    }

    private void requireEmailFree(String email, UUID self) {
        Optional<Conseiller> holder = Conseiller.find("email", email).firstResultOptional();
        if (holder.isPresent() && !holder.get().id.equals(self)) {
            throw new StateConflictException(DUPLICATE_EMAIL.replace('_', '-'), UNIQUE_MESSAGES.get(DUPLICATE_EMAIL));
        }
    }

    private static Place placeOf(String communeCode) {
        return Place.ofCommune(communeCode).orElseThrow(() -> new BusinessRuleException("unknown-commune",
                "communeCode " + communeCode + " is not a commune of the official geographic code"));
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
