package fr.cnfs.applications.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.panache.common.Sort;

/** Reads of applications: one by id, lists, the streamed export, history, comments and funding figures. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ApplicationQueries {

    private static final Logger LOG = Logger.getLogger(ApplicationQueries.class);

    /** Rows the JDBC driver fetches per round trip of the export cursor: bounds the memory an export holds. */
    static final int EXPORT_FETCH_SIZE = 1_000;

    private static final String EXPORT = """
            select new fr.cnfs.applications.domain.ApplicationExportRow(
                a.id, a.siret, s.name, s.type, a.category, s.communeCode, a.departementCode, a.regionCode,
                a.territoryZone, c.name, a.status, a.postsRequested, a.contractMonths, a.desiredStartDate,
                a.franceServicesLabel, a.createdAt, a.submittedAt, a.postsGranted, a.decisionNumber, a.priority,
                a.rejectionReason, a.decidedAt, a.prefectOpinion, f.grantedAmount, f.paidAmount)
            from Application a join a.structure s join a.campaign c
            left join FundingSummary f on f.applicationId = a.id
            where %s
            order by a.createdAt, a.id""";

    private final EntityManager entityManager;
    private final ProgrammeCalendar calendar;

    ApplicationQueries(EntityManager entityManager, ProgrammeCalendar calendar) {
        this.entityManager = entityManager;
        this.calendar = calendar;
    }

    public Optional<Application> find(UUID id, AccessScope scope) {
        return Application.<Application>findByIdOptional(id).filter(scope::covers);
    }

    public Application get(UUID id, AccessScope scope) {
        return find(id, scope).orElseThrow(() -> new ResourceNotFoundException("Application", id));
    }

    /**
     * One page of the matching applications, each with its structure and campaign read in the same statement (the
     * eager associations would otherwise cost a batch read each).
     * <p>
     * The offset and the size are written into the statement, not bound: with them as parameters, PostgreSQL cannot
     * cost a generic plan for the limit, so it planned the statement anew at every execution, which took longer than
     * running it (0.4 against 0.2 ms, bench/results/2026-11-28-0423.md). Each page and size then has its own prepared
     * statement.
     */
    public List<Application> page(ApplicationFilter filter, AccessScope scope, Sort sort, int page, int size) {
        return matching("select a from Application a join fetch a.structure join fetch a.campaign where %s"
                + orderBy("a.", sort) + " offset " + ((long) page * size) + " rows fetch first " + size + " rows only",
                filter, scope, Application.class).getResultList();
    }

    /**
     * The number of matching applications: the total of {@link #page}. Written as HQL rather than Panache's count(),
     * which derives a new count query at each call, so that Hibernate reuses the translated plan.
     */
    public long count(ApplicationFilter filter, AccessScope scope) {
        return matching("select count(*) from Application a where %s", filter, scope, Long.class).getSingleResult();
    }

    /** {@code hql}, whose {@code %s} takes the filter's condition over the alias {@code a}, with its parameters bound. */
    private <T> TypedQuery<T> matching(String hql, ApplicationFilter filter, AccessScope scope, Class<T> type) {
        ApplicationFilter.Where where = filter.where("a.", scope, calendar);
        TypedQuery<T> query = entityManager.createQuery(hql.formatted(where.condition()), type);
        where.parameters().forEach(query::setParameter);
        return query;
    }

    private static String orderBy(String prefix, Sort sort) {
        if (sort == null || sort.getColumns().isEmpty()) {
            return "";
        }
        return sort.getColumns().stream()
                .map(column -> prefix + column.getName()
                        + (column.getDirection() == Sort.Direction.Descending ? " desc" : ""))
                .collect(Collectors.joining(", ", " order by ", ""));
    }

    /**
     * The funding read model of these applications, by application id. Only an approved application has one (funding
     * grants on its approval, and {@link FundingSummaryService} refuses funding events for any other), so the others
     * cost no read.
     */
    public Map<UUID, FundingSummary> fundingOf(Collection<Application> applications) {
        return fundingById(applications.stream().filter(application -> application.status == ApplicationStatus.APPROVED)
                .map(application -> application.id).toList());
    }

    private Map<UUID, FundingSummary> fundingById(List<UUID> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        // By id, not by an "in" query: Hibernate caches no plan for a query with a list parameter, and translating one
        // anew cost GET /applications/{id} four fifths of its time in the resource (bench/, JFR).
        if (applicationIds.size() == 1) {
            UUID id = applicationIds.iterator().next();
            FundingSummary summary = entityManager.find(FundingSummary.class, id);
            return summary == null ? Map.of() : Map.of(id, summary);
        }
        return entityManager.unwrap(Session.class).findMultiple(FundingSummary.class, applicationIds)
                .stream().filter(Objects::nonNull)
                .collect(Collectors.toMap(summary -> summary.applicationId, Function.identity()));
    }

    /**
     * Streams the matching rows to {@code sink} as the database cursor delivers them, {@value #EXPORT_FETCH_SIZE} at
     * a time: nothing accumulates here, so memory does not grow with the number of rows. The sink blocks while the
     * client is slow to read, so the transaction lasts as long as the download, within ten minutes. Returns the row
     * count.
     */
    @Transactional(TxType.REQUIRED)
    @TransactionConfiguration(timeout = 600)
    public long export(ApplicationFilter filter, AccessScope scope, Consumer<ApplicationExportRow> sink) {
        TypedQuery<ApplicationExportRow> query = matching(EXPORT, filter, scope, ApplicationExportRow.class)
                .setHint(HibernateHints.HINT_FETCH_SIZE, EXPORT_FETCH_SIZE)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        long count = 0;
        long started = System.nanoTime();
        try (Stream<ApplicationExportRow> rows = query.getResultStream()) {
            var iterator = rows.iterator();
            while (iterator.hasNext()) {
                sink.accept(iterator.next());
                count++;
                if (count % 10_000 == 0) {
                    LOG.debugf("Export: %d rows written after %d ms", count, (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        LOG.infof("Export of %d rows written in %d ms", count, (System.nanoTime() - started) / 1_000_000);
        return count;
    }

    /** The history. A structure does not see the prefect's opinions, which are the State's. */
    public PanacheQuery<HistoryEntry> history(UUID applicationId, AccessScope scope, Sort sort) {
        get(applicationId, scope);
        if (scope.stateAgent()) {
            return HistoryEntry.find("applicationId", sort, applicationId);
        }
        return HistoryEntry.find("applicationId = ?1 and action <> ?2", sort, applicationId,
                ApplicationCommand.PREFECT_OPINION);
    }

    /** Comments; a structure sees the messages, never the internal notes. */
    public PanacheQuery<ApplicationComment> comments(UUID applicationId, AccessScope scope, Sort sort) {
        get(applicationId, scope);
        if (scope.stateAgent()) {
            return ApplicationComment.find("applicationId", sort, applicationId);
        }
        return ApplicationComment.find("applicationId = ?1 and kind = ?2", sort, applicationId, CommentKind.MESSAGE);
    }
}
