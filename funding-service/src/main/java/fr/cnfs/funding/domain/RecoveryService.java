package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.contracts.events.RecoverySettled;
import fr.cnfs.plumbing.outbox.Outbox;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.BusinessRuleException;
import fr.cnfs.plumbing.problem.PreconditionFailedException;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.problem.StateConflictException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Recoveries (ordres de reversement) and the money received back against them. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class RecoveryService {

    private final Outbox outbox;
    private final Clock clock;

    RecoveryService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public record RecoveryFilter(RecoveryStatus status, String siret, UUID grantId, UUID campaignId) {
    }

    public record Receipt(LocalDate receivedOn, BigDecimal amount, String reference) {
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Recovery> find(UUID id) {
        return Recovery.findByIdOptional(id);
    }

    @Transactional(TxType.SUPPORTS)
    public <T> PageOf<T> list(RecoveryFilter filter, PageRequest page, Function<Recovery, T> view) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        add(query, parameters, "status", filter.status());
        add(query, parameters, "siret", filter.siret());
        add(query, parameters, "grantId", filter.grantId());
        add(query, parameters, "campaignId", filter.campaignId());
        Sort sort = page.sortOr(Map.of("issuedOn", "issuedOn", "amount", "amount"),
                Sort.descending("issuedOn").and("createdAt").and("id"));
        return PageOf.of(Recovery.find(query.toString(), sort, parameters), page, view);
    }

    /**
     * Records money received back. The same reference again returns the recovery as it is; a reference used
     * elsewhere, or a settled recovery, is a conflict (409); more than what is outstanding is refused (422).
     */
    public Recovery settle(UUID id, Receipt receipt, Long expectedVersion, String recordedBy) {
        Recovery recovery = Recovery.<Recovery> findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Recovery", id));
        Optional<RecoverySettlement> sameReference = RecoverySettlement.find("reference", receipt.reference())
                .firstResultOptional();
        if (sameReference.isPresent()) {
            RecoverySettlement recorded = sameReference.get();
            if (!recorded.recovery.id.equals(id) || recorded.amount.compareTo(receipt.amount()) != 0
                    || !recorded.receivedOn.equals(receipt.receivedOn())) {
                throw new StateConflictException("duplicate-settlement-reference", "reference " + receipt.reference()
                        + " is already recorded, for " + recorded.amount + " received on " + recorded.receivedOn
                        + " against recovery " + recorded.recovery.id);
            }
            return loaded(recovery); // the same receipt again: no second effect
        }
        if (expectedVersion != null && expectedVersion != recovery.version) {
            throw new PreconditionFailedException("recovery " + id + " is at version " + recovery.version + ", not "
                    + expectedVersion);
        }
        if (recovery.status == RecoveryStatus.SETTLED) {
            throw new StateConflictException("recovery " + id + " is already settled");
        }
        if (receipt.amount().compareTo(recovery.outstanding()) > 0) {
            throw new BusinessRuleException("settlement-amount", "the amount received, " + receipt.amount()
                    + ", is more than the outstanding " + recovery.outstanding());
        }
        LocalDate today = LocalDate.now(clock);
        if (receipt.receivedOn().isAfter(today)) {
            throw new BusinessRuleException("settlement-date", "receivedOn " + receipt.receivedOn() + " is after today, " + today);
        }
        RecoverySettlement settlement = new RecoverySettlement();
        settlement.id = UUID.randomUUID();
        settlement.recovery = recovery;
        settlement.amount = Money.round(receipt.amount());
        settlement.receivedOn = receipt.receivedOn();
        settlement.reference = receipt.reference();
        settlement.recordedBy = recordedBy;
        settlement.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        recovery.settlements.add(settlement);
        settlement.persist();
        recovery.settledAmount = recovery.settledAmount.add(settlement.amount);
        RecoveryStatus next = recovery.outstanding().signum() == 0 ? RecoveryStatus.SETTLED : RecoveryStatus.PARTIALLY_SETTLED;
        if (!recovery.status.canBecome(next)) {
            throw new StateConflictException("recovery " + id + " is " + recovery.status + " and cannot become " + next);
        }
        recovery.status = next;
        outbox.publish(new RecoverySettled(recovery.id, recovery.grantId, recovery.postId, recovery.applicationId,
                recovery.siret, settlement.amount, settlement.receivedOn, settlement.reference, recovery.outstanding()));
        return loaded(recovery);
    }

    /** The receipts are shown with the recovery, after this transaction has ended. */
    private static Recovery loaded(Recovery recovery) {
        org.hibernate.Hibernate.initialize(recovery.settlements);
        return recovery;
    }

    private static void add(StringBuilder query, Parameters parameters, String field, Object value) {
        if (value != null) {
            query.append(" and ").append(field).append(" = :").append(field);
            parameters.and(field, value);
        }
    }
}
