package fr.cnfs.placement.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
 * <p>Each proximity level is a block of the ranking, and the levels are disjoint: a level excludes the nearer ones, as
 * {@link CandidateRanking#proximity} takes the nearest shared level. A search first counts each level (the total),
 * then reads the page only from the levels it overlaps, each from its own partial index (V3) in candidate order. The
 * counts read the V7 indexes, where a level's exclusions are index ranges, so a count reads only what it counts.
 */
@ApplicationScoped
public class CandidateSearch {

    private final EntityManager entityManager;

    CandidateSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Candidate(Conseiller conseiller, Proximity proximity) {
    }

    /** A proximity level: its predicate, and the same set as disjoint index ranges for counting it. */
    record Level(Proximity proximity, String where, List<String> countRanges) {
    }

    /** The part of a level that a page takes: {@code limit} candidates after the first {@code offset}. */
    record Slice(Level level, long offset, long limit) {
    }

    @Transactional(TxType.SUPPORTS)
    public <T> PageOf<T> search(Post post, PageRequest page, Function<Candidate, T> view) {
        Place place = post.place();
        List<Level> levels = levels(place);
        Map<String, Object> values = new HashMap<>();
        values.put("commune", place.homeCommuneCode());
        values.put("epci", place.epciSiren());
        values.put("departement", place.departementCode());
        values.put("region", place.regionCode());
        values.put("deadline", post.recruitmentDeadline);
        Object[] counted = (Object[]) bind(entityManager.createNativeQuery(countSql(levels)), values)
                .getSingleResult();
        long[] counts = Arrays.stream(counted).mapToLong(count -> ((Number) count).longValue()).toArray();
        long total = Arrays.stream(counts).sum();
        List<Slice> slices = slices(levels, counts, (long) page.page * page.size, page.size);
        if (slices.isEmpty()) {
            return new PageOf<>(List.of(), page.page, page.size, total);
        }
        for (int i = 0; i < slices.size(); i++) {
            values.put("offset" + i, slices.get(i).offset());
            values.put("limit" + i, slices.get(i).limit());
        }
        Query query = bind(entityManager.createNativeQuery(pageSql(slices)), values);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();

        List<UUID> ids = rows.stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, Conseiller> byId = ids.isEmpty() ? Map.of()
                : entityManager.unwrap(Session.class).findMultiple(Conseiller.class, ids).stream()
                        .filter(Objects::nonNull).collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<UUID, Candidate> ordered = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            ordered.put(id, new Candidate(byId.get(id), Proximity.ofRank(((Number) row[1]).intValue())));
        }
        return new PageOf<>(ordered.values().stream().map(view).toList(), page.page, page.size, total);
    }

    /** Binds the parameters that the statement names: a page reads only some of the levels. */
    private static Query bind(Query query, Map<String, Object> values) {
        query.getParameters().forEach(parameter -> query.setParameter(parameter.getName(),
                values.get(parameter.getName())));
        return query;
    }

    /**
     * The slices of the levels that the page {@code [offset, offset + size)} of the whole ranking covers, given each
     * level's count: the levels are consecutive blocks of the ranking.
     */
    static List<Slice> slices(List<Level> levels, long[] counts, long offset, int size) {
        List<Slice> slices = new ArrayList<>();
        long levelStart = 0;
        long end = offset + size;
        for (int i = 0; i < levels.size() && levelStart < end; i++) {
            long levelEnd = levelStart + counts[i];
            long from = Math.max(offset, levelStart);
            long to = Math.min(end, levelEnd);
            if (from < to) {
                slices.add(new Slice(levels.get(i), from - levelStart, to - from));
            }
            levelStart = levelEnd;
        }
        return slices;
    }

    /**
     * One page of candidates: each slice read from its level in candidate order. Named parameters: those of the
     * levels read (commune, epci, departement, region, deadline), then offset0 and limit0 for the first slice,
     * offset1 and limit1 for the second, and so on.
     */
    static String pageSql(List<Slice> slices) {
        String branches = IntStream.range(0, slices.size()).mapToObj(i -> """
                (SELECT c.id, %d AS proximity, c.training_rank, c.available_from FROM conseiller c
                 WHERE %s
                 ORDER BY c.training_rank, c.available_from, c.id LIMIT :limit%d OFFSET :offset%d)""".formatted(
                slices.get(i).level().proximity().rank(), slices.get(i).level().where(), i, i))
                .collect(Collectors.joining("\nUNION ALL\n"));
        return "SELECT * FROM (" + branches + ") AS page ORDER BY proximity, training_rank, available_from, id";
    }

    /** One row: the number of candidates of each level, in level order, each the sum of its index ranges. */
    static String countSql(List<Level> levels) {
        return levels.stream().map(level -> level.countRanges().stream()
                .map(range -> "(SELECT count(*) FROM conseiller c WHERE " + range + ")")
                .collect(Collectors.joining(" + ")))
                .collect(Collectors.joining(",\n", "SELECT ", ""));
    }

    /** The levels that can reach a post at that place, each excluding the nearer ones. */
    static List<Level> levels(Place place) {
        boolean withEpci = place.epciSiren() != null;
        String available = "c.status = 'AVAILABLE' AND c.available_from <= :deadline";
        String notSameCommune = " AND c.home_commune_code <> :commune";
        String notSameEpci = withEpci ? " AND c.epci_siren IS DISTINCT FROM :epci" : "";
        List<Level> levels = new ArrayList<>();

        String commune = available + " AND c.home_commune_code = :commune";
        levels.add(new Level(Proximity.COMMUNE, commune, List.of(commune)));
        if (withEpci) {
            levels.add(excluding(Proximity.EPCI, available + " AND c.epci_siren = :epci", "home_commune_code",
                    "commune", ""));
        }
        String departement = available + " AND c.departement_code = :departement";
        levels.add(withEpci
                ? excluding(Proximity.DEPARTEMENT, departement, "epci_siren", "epci", notSameCommune)
                : excluding(Proximity.DEPARTEMENT, departement, "home_commune_code", "commune", ""));
        levels.add(excluding(Proximity.REGION, available + " AND c.region_code = :region", "departement_code",
                "departement", notSameCommune + notSameEpci));
        // Overseas: nobody from elsewhere, and national mobility does not cross the sea either way.
        if (!place.zone().isOverseas()) {
            levels.add(excluding(Proximity.NATIONAL, available + " AND c.territory_zone = 'METRO'", "region_code",
                    "region", " AND c.departement_code <> :departement" + notSameCommune + notSameEpci));
        }
        return levels;
    }

    /**
     * A level beyond the commune: the advisers of its place whose mobility reaches that far, less those of the nearer
     * place held in {@code column}. Its count splits "not that place" into the index ranges below and above it, and
     * NULL for the EPCI, which a commune may lack; {@code otherExclusions} stay filters.
     */
    private static Level excluding(Proximity proximity, String place, String column, String parameter,
            String otherExclusions) {
        String reached = place + " AND c.mobility IN (" + reaching(proximity) + ")";
        boolean nullable = column.equals("epci_siren");
        String notThere = nullable ? " IS DISTINCT FROM :" : " <> :";
        List<String> ranges = new ArrayList<>(List.of(
                reached + " AND c." + column + " < :" + parameter + otherExclusions,
                reached + " AND c." + column + " > :" + parameter + otherExclusions));
        if (nullable) {
            ranges.add(reached + " AND c." + column + " IS NULL" + otherExclusions);
        }
        return new Level(proximity, reached + " AND c." + column + notThere + parameter + otherExclusions,
                List.copyOf(ranges));
    }

    /** The mobilities, as SQL literals, that reach a post at that proximity. */
    static String reaching(Proximity proximity) {
        return Arrays.stream(Mobility.values()).filter(mobility -> mobility.reaches(proximity))
                .map(mobility -> "'" + mobility.name() + "'").collect(Collectors.joining(", "));
    }
}
