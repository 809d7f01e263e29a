package fr.cnfs.placement.domain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;

/**
 * The ranked candidates of a post, computed by the database over the whole pool: AVAILABLE advisers available by the
 * post's deadline whose mobility reaches it, nearest first ({@link CandidateRanking}), then CERTIFIED first, then
 * the earliest available. Each proximity level is one arm of the WHERE clause served by its own partial index, so
 * the database reads only the advisers that qualify and sorts those.
 */
@ApplicationScoped
public class CandidateSearch {

    private final EntityManager entityManager;

    CandidateSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Candidate(Conseiller conseiller, Proximity proximity) {
    }

    @Transactional(TxType.SUPPORTS)
    public <T> PageOf<T> search(Post post, PageRequest page, Function<Candidate, T> view) {
        Place place = post.place();
        boolean withEpci = place.epciSiren() != null;
        // Overseas: nobody from elsewhere, and national mobility does not cross the sea either way.
        boolean withNational = !place.zone().isOverseas();
        String sql = """
                SELECT c.id, CASE WHEN c.home_commune_code = :commune THEN 1
                                  %s
                                  WHEN c.departement_code = :departement THEN 3
                                  WHEN c.region_code = :region THEN 4
                                  ELSE 5 END AS proximity,
                       count(*) OVER () AS total
                FROM conseiller c
                WHERE c.status = 'AVAILABLE' AND c.available_from <= :deadline
                  AND (c.home_commune_code = :commune
                       %s
                       OR (c.departement_code = :departement AND c.mobility IN (%s))
                       OR (c.region_code = :region AND c.mobility IN (%s))
                       %s)
                ORDER BY proximity, c.training_rank, c.available_from, c.id
                LIMIT :limit OFFSET :offset""".formatted(
                withEpci ? "WHEN c.epci_siren = :epci THEN 2" : "",
                withEpci ? "OR (c.epci_siren = :epci AND c.mobility IN (" + reaching(Proximity.EPCI) + "))" : "",
                reaching(Proximity.DEPARTEMENT),
                reaching(Proximity.REGION),
                withNational ? "OR (c.mobility IN (" + reaching(Proximity.NATIONAL) + ") AND c.territory_zone = 'METRO')"
                        : "");
        Query query = entityManager.createNativeQuery(sql)
                .setParameter("commune", place.homeCommuneCode())
                .setParameter("departement", place.departementCode())
                .setParameter("region", place.regionCode())
                .setParameter("deadline", post.recruitmentDeadline)
                .setParameter("limit", page.size)
                .setParameter("offset", (long) page.page * page.size);
        if (withEpci) {
            query.setParameter("epci", place.epciSiren());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        long total = rows.isEmpty() ? 0 : ((Number) rows.get(0)[2]).longValue();
        if (rows.isEmpty() && page.page > 0) {
            total = countBeyondLastPage(post);
        }
        List<UUID> ids = rows.stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, Conseiller> byId = ids.isEmpty() ? Map.of()
                : Conseiller.<Conseiller> list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<UUID, Candidate> ordered = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            ordered.put(id, new Candidate(byId.get(id), Proximity.ofRank(((Number) row[1]).intValue())));
        }
        return new PageOf<>(ordered.values().stream().map(view).toList(), page.page, page.size, total);
    }

    /** A page past the end has no row to carry the total: count again from the first page. */
    private long countBeyondLastPage(Post post) {
        PageRequest first = PageRequest.of(0, 1);
        return search(post, first, Function.identity()).totalItems();
    }

    /** The mobilities, as SQL literals, that reach a post at that proximity. */
    static String reaching(Proximity proximity) {
        return Arrays.stream(Mobility.values()).filter(mobility -> mobility.reaches(proximity))
                .map(mobility -> "'" + mobility.name() + "'").collect(Collectors.joining(", "));
    }
}
