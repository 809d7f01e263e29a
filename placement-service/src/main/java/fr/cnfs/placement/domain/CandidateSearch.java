package fr.cnfs.placement.domain;

import java.util.ArrayList;
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

import org.hibernate.Session;

import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;

/**
 * The ranked candidates of a post, computed by the database over the whole pool: AVAILABLE advisers available by the
 * post's deadline whose mobility reaches it, nearest first ({@link CandidateRanking}), then CERTIFIED first, then
 * the earliest available.
 *
 * <p>Each proximity level is one branch of a UNION ALL, read from its own partial index (V3) in candidate order and
 * cut at the end of the requested page, so a page costs a few index reads however large the pool. The levels are
 * disjoint: a level excludes the nearer ones, as {@link CandidateRanking#proximity} takes the nearest shared level.
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
        long offset = (long) page.page * page.size;
        Query query = bind(entityManager.createNativeQuery(pageSql(place)), place, post)
                .setParameter("window", offset + page.size)
                .setParameter("limit", page.size)
                .setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        long total = offset == 0 && rows.size() < page.size ? rows.size()
                : ((Number) bind(entityManager.createNativeQuery(countSql(place)), place, post).getSingleResult())
                        .longValue();

        List<UUID> ids = rows.stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, Conseiller> byId = ids.isEmpty() ? Map.of()
                : entityManager.unwrap(Session.class).findMultiple(Conseiller.class, ids).stream()
                        .filter(java.util.Objects::nonNull).collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<UUID, Candidate> ordered = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            ordered.put(id, new Candidate(byId.get(id), Proximity.ofRank(((Number) row[1]).intValue())));
        }
        return new PageOf<>(ordered.values().stream().map(view).toList(), page.page, page.size, total);
    }

    private static Query bind(Query query, Place place, Post post) {
        query.setParameter("commune", place.homeCommuneCode())
                .setParameter("departement", place.departementCode())
                .setParameter("region", place.regionCode())
                .setParameter("deadline", post.recruitmentDeadline);
        if (place.epciSiren() != null) {
            query.setParameter("epci", place.epciSiren());
        }
        return query;
    }

    /**
     * One page of candidates for a post at that place. Named parameters: commune, epci (when the place has an EPCI),
     * departement, region, deadline; window (offset + limit: how far each level is read), limit and offset.
     */
    static String pageSql(Place place) {
        String branches = levels(place).stream().map(level -> """
                (SELECT c.id, %d AS proximity, c.training_rank, c.available_from FROM conseiller c
                 WHERE %s
                 ORDER BY c.training_rank, c.available_from, c.id LIMIT :window)""".formatted(level.rank(), level.where()))
                .collect(Collectors.joining("\nUNION ALL\n"));
        return branches + "\nORDER BY proximity, training_rank, available_from, id LIMIT :limit OFFSET :offset";
    }

    /** The number of candidates, level by level on the same indexes. Same parameters as the page, less the paging. */
    static String countSql(Place place) {
        return levels(place).stream().map(level -> "(SELECT count(*) FROM conseiller c WHERE " + level.where() + ")")
                .collect(Collectors.joining(" + ", "SELECT ", ""));
    }

    private record Level(int rank, String where) {
    }

    /** The levels that can reach a post at that place, each excluding the nearer ones. */
    private static List<Level> levels(Place place) {
        boolean withEpci = place.epciSiren() != null;
        String available = "c.status = 'AVAILABLE' AND c.available_from <= :deadline";
        String notSameCommune = " AND c.home_commune_code <> :commune";
        String notSameEpci = withEpci ? " AND c.epci_siren IS DISTINCT FROM :epci" : "";
        List<Level> levels = new ArrayList<>();
        levels.add(new Level(Proximity.COMMUNE.rank(), available + " AND c.home_commune_code = :commune"));
        if (withEpci) {
            levels.add(new Level(Proximity.EPCI.rank(), available + " AND c.epci_siren = :epci"
                    + " AND c.mobility IN (" + reaching(Proximity.EPCI) + ")" + notSameCommune));
        }
        levels.add(new Level(Proximity.DEPARTEMENT.rank(), available + " AND c.departement_code = :departement"
                + " AND c.mobility IN (" + reaching(Proximity.DEPARTEMENT) + ")" + notSameCommune + notSameEpci));
        levels.add(new Level(Proximity.REGION.rank(), available + " AND c.region_code = :region"
                + " AND c.mobility IN (" + reaching(Proximity.REGION) + ")" + " AND c.departement_code <> :departement"
                + notSameCommune + notSameEpci));
        // Overseas: nobody from elsewhere, and national mobility does not cross the sea either way.
        if (!place.zone().isOverseas()) {
            levels.add(new Level(Proximity.NATIONAL.rank(), available + " AND c.territory_zone = 'METRO'"
                    + " AND c.mobility = " + reaching(Proximity.NATIONAL) + " AND c.region_code <> :region"
                    + " AND c.departement_code <> :departement" + notSameCommune + notSameEpci));
        }
        return levels;
    }

    /** The mobilities, as SQL literals, that reach a post at that proximity. */
    static String reaching(Proximity proximity) {
        return Arrays.stream(Mobility.values()).filter(mobility -> mobility.reaches(proximity))
                .map(mobility -> "'" + mobility.name() + "'").collect(Collectors.joining(", "));
    }
}
