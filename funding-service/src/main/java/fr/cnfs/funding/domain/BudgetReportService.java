package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The programme's budget, for one campaign or all of them:
 * <ul>
 * <li>{@code awarded}: the grants' totals at the award;</li>
 * <li>{@code committed = planned + due + paid}: what the State still stands to pay or has paid (awarded, less what
 * closings cancelled, plus closing adjustments);</li>
 * <li>{@code due}, {@code paid}, {@code cancelled}: tranche amounts by state;</li>
 * <li>{@code recovered}: recoveries issued, {@code recoverySettled}: money received back,
 * {@code netPaid = paid − recoverySettled}.</li>
 * </ul>
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class BudgetReportService {

    private final EntityManager entityManager;
    private final Clock clock;

    BudgetReportService(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public record BudgetReport(UUID campaignId, LocalDate asOf, long grants, long posts, BigDecimal awarded,
            BigDecimal committed, BigDecimal planned, BigDecimal due, BigDecimal paid, BigDecimal cancelled,
            BigDecimal recovered, BigDecimal recoverySettled, BigDecimal netPaid) {
    }

    public BudgetReport report(UUID campaignId) {
        String where = campaignId == null ? "" : " where campaignId = :campaign";
        Object[] grants = (Object[]) query("select count(g), coalesce(sum(g.postCount), 0), coalesce(sum(g.totalAmount), 0) "
                + "from Grant g" + where.replace("campaignId", "g.campaignId"), campaignId).getSingleResult();
        Map<TrancheStatus, BigDecimal> byStatus = new EnumMap<>(TrancheStatus.class);
        for (TrancheStatus status : TrancheStatus.values()) {
            byStatus.put(status, Money.ZERO);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("select t.status, sum(t.amount) from Tranche t" + where.replace("campaignId", "t.campaignId")
                + " group by t.status", campaignId).getResultList();
        for (Object[] row : rows) {
            byStatus.put((TrancheStatus) row[0], money(row[1]));
        }
        Object[] recoveries = (Object[]) query("select coalesce(sum(r.amount), 0), coalesce(sum(r.settledAmount), 0) "
                + "from Recovery r" + where.replace("campaignId", "r.campaignId"), campaignId).getSingleResult();
        BigDecimal planned = byStatus.get(TrancheStatus.PLANNED);
        BigDecimal due = byStatus.get(TrancheStatus.DUE);
        BigDecimal paid = byStatus.get(TrancheStatus.PAID);
        BigDecimal settled = money(recoveries[1]);
        return new BudgetReport(campaignId, LocalDate.now(clock), ((Number) grants[0]).longValue(),
                ((Number) grants[1]).longValue(), money(grants[2]), planned.add(due).add(paid), planned, due, paid,
                byStatus.get(TrancheStatus.CANCELLED), money(recoveries[0]), settled, paid.subtract(settled));
    }

    private static BigDecimal money(Object value) {
        return value == null ? Money.ZERO : Money.round(new BigDecimal(value.toString()));
    }

    private jakarta.persistence.Query query(String jpql, UUID campaignId) {
        jakarta.persistence.Query query = entityManager.createQuery(jpql);
        if (campaignId != null) {
            query.setParameter("campaign", campaignId);
        }
        return query;
    }
}
