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

import fr.cnfs.contracts.events.TranchePaid;
import fr.cnfs.plumbing.outbox.Outbox;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.BusinessRuleException;
import fr.cnfs.plumbing.problem.PreconditionFailedException;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.problem.StateConflictException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Tranches as the paying agency sees them: lists of what is due, and payments, idempotent by payment reference. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class TrancheService {

    private final Outbox outbox;
    private final Clock clock;

    TrancheService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The filters of {@code GET /tranches}; {@code dueBefore} keeps tranches due on or before that date. */
    public record TrancheFilter(TrancheStatus status, String siret, UUID grantId, UUID postId, UUID applicationId,
            UUID campaignId, LocalDate dueBefore) {
    }

    public record Payment(LocalDate paidOn, BigDecimal amount, String paymentReference) {
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Tranche> find(UUID id) {
        return Tranche.findByIdOptional(id);
    }

    @Transactional(TxType.SUPPORTS)
    public <T> PageOf<T> list(TrancheFilter filter, PageRequest page, Function<Tranche, T> view) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        add(query, parameters, "status", filter.status());
        add(query, parameters, "siret", filter.siret());
        add(query, parameters, "grantId", filter.grantId());
        add(query, parameters, "postFunding.postId", "postId", filter.postId());
        add(query, parameters, "applicationId", filter.applicationId());
        add(query, parameters, "campaignId", filter.campaignId());
        if (filter.dueBefore() != null) {
            query.append(" and dueDate <= :dueBefore");
            parameters.and("dueBefore", filter.dueBefore());
        }
        Sort sort = page.sortOr(Map.of("dueDate", "dueDate", "amount", "amount", "rank", "rank", "createdAt", "createdAt"),
                Sort.ascending("dueDate").and("createdAt").and("id"));
        return PageOf.of(Tranche.find(query.toString(), sort, parameters), page, view);
    }

    /**
     * Records the payment of a due tranche. The same payment reference again returns the tranche as it is, with no
     * second effect; a reference already used for another tranche, a cancelled or already-paid tranche, or a tranche
     * not yet due is a conflict (409); an amount other than the tranche's is refused (422).
     */
    public Tranche pay(UUID id, Payment payment, Long expectedVersion) {
        Tranche tranche = Tranche.<Tranche> findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Tranche", id));
        Optional<Tranche> sameReference = Tranche.find("paymentReference", payment.paymentReference()).firstResultOptional();
        if (sameReference.isPresent()) {
            Tranche recorded = sameReference.get();
            if (!recorded.id.equals(id)) {
                throw new StateConflictException("duplicate-payment-reference", "payment reference "
                        + payment.paymentReference() + " is already recorded for tranche " + recorded.id);
            }
            if (recorded.paidAmount.compareTo(payment.amount()) != 0 || !recorded.paidOn.equals(payment.paidOn())) {
                throw new StateConflictException("duplicate-payment-reference", "payment reference "
                        + payment.paymentReference() + " was recorded with " + recorded.paidAmount + " on "
                        + recorded.paidOn);
            }
            return recorded; // the same payment again: no second effect
        }
        if (expectedVersion != null && expectedVersion != tranche.version) {
            throw new PreconditionFailedException("tranche " + id + " is at version " + tranche.version + ", not "
                    + expectedVersion);
        }
        switch (tranche.status) {
            case PAID -> throw new StateConflictException("tranche " + id + " is already paid under reference "
                    + tranche.paymentReference);
            case CANCELLED -> throw new StateConflictException("tranche " + id + " was cancelled on " + tranche.cancelledOn
                    + " (" + tranche.cancellationReason + ")");
            case PLANNED -> throw new StateConflictException("tranche " + id + " is not due yet");
            case DUE -> {
                // payable
            }
        }
        if (tranche.amount.compareTo(payment.amount()) != 0) {
            throw new BusinessRuleException("payment-amount", "the amount paid, " + payment.amount()
                    + ", must equal the tranche amount, " + tranche.amount);
        }
        LocalDate today = LocalDate.now(clock);
        if (payment.paidOn().isAfter(today)) {
            throw new BusinessRuleException("payment-date", "paidOn " + payment.paidOn() + " is after today, " + today);
        }
        tranche.pay(payment.paidOn(), Money.round(payment.amount()), payment.paymentReference(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        outbox.publish(new TranchePaid(tranche.id, tranche.grantId, tranche.applicationId, tranche.rank,
                tranche.paidAmount, tranche.paidOn, tranche.paymentReference));
        return tranche;
    }

    private static void add(StringBuilder query, Parameters parameters, String field, Object value) {
        add(query, parameters, field, field, value);
    }

    private static void add(StringBuilder query, Parameters parameters, String path, String name, Object value) {
        if (value != null) {
            query.append(" and ").append(path).append(" = :").append(name);
            parameters.and(name, value);
        }
    }
}
