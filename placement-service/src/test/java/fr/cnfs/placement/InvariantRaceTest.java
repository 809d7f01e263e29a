package fr.cnfs.placement;

import static fr.cnfs.placement.Fixtures.adviser;
import static fr.cnfs.placement.Fixtures.events;
import static fr.cnfs.placement.Fixtures.newSiret;
import static fr.cnfs.placement.Fixtures.openPost;
import static fr.cnfs.placement.Fixtures.openPosts;
import static fr.cnfs.placement.Fixtures.recruited;
import static fr.cnfs.placement.Fixtures.shortlisted;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import fr.cnfs.contracts.events.ContractStarted;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The three invariants, each raced by parallel requests released together: exactly one wins, the others get a 409,
 * and the database holds one row where the invariant allows one.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "placement_test"))
class InvariantRaceTest {

    private static final int RACERS = 4;

    @Inject
    AgroalDataSource dataSource;

    /** A post has at most one active contract: the same recruitment finalized by several admins at once. */
    @RepeatedTest(5)
    void aPostHasAtMostOneActiveContract() throws Exception {
        String siret = newSiret();
        UUID postId = openPost(siret, "69123");
        UUID matchId = recruited(siret, postId, adviser("69123", "COMMUNE"));

        List<Integer> statuses = race(RACERS, i -> post(Tokens.admin(), "/matches/" + matchId + "/finalize", "{}"));

        assertEquals(1, Collections.frequency(statuses, 200), statuses.toString());
        assertEquals(RACERS - 1, Collections.frequency(statuses, 409), statuses.toString());
        assertEquals(1, count("SELECT count(*) FROM contract WHERE post_id = ? AND state = 'ACTIVE'", postId));
        assertEquals(1, count("SELECT count(*) FROM match_transition WHERE match_id = ? AND command = 'finalize'",
                matchId));
        await().atMost(Duration.ofSeconds(30)).until(() -> events(ContractStarted.TYPE, postId).size() == 1);
        assertEquals(1, events(ContractStarted.TYPE, postId).size());
    }

    /** An adviser has at most one active contract: recruited by several structures, finalized at once. */
    @RepeatedTest(5)
    void anAdviserHasAtMostOneActiveContract() throws Exception {
        UUID adviserId = adviser("15014", "DEPARTEMENT");
        List<UUID> matches = new ArrayList<>();
        List<UUID> posts = new ArrayList<>();
        for (String commune : new String[] { "15014", "15187", "15012" }) {
            String siret = newSiret();
            UUID postId = openPost(siret, commune);
            posts.add(postId);
            matches.add(recruited(siret, postId, adviserId));
        }

        List<Integer> statuses = race(matches.size(),
                i -> post(Tokens.admin(), "/matches/" + matches.get(i) + "/finalize", "{}"));

        assertEquals(1, Collections.frequency(statuses, 200), statuses.toString());
        assertEquals(matches.size() - 1, Collections.frequency(statuses, 409), statuses.toString());
        assertEquals(1, count("SELECT count(*) FROM contract WHERE conseiller_id = ? AND state = 'ACTIVE'", adviserId));
        assertEquals(1, count("SELECT count(*) FROM post WHERE id = ANY(?) AND state = 'OCCUPIED'", posts));
        assertEquals(matches.size() - 1, count(
                "SELECT count(*) FROM placement_match WHERE conseiller_id = ? AND state = 'OBSOLETE'", adviserId));
    }

    /** Recruitments on a post never exceed one at a time: several shortlisted advisers recruited at once. */
    @RepeatedTest(5)
    void aPostHasAtMostOneRecruitmentAtATime() throws Exception {
        String siret = newSiret();
        UUID postId = openPost(siret, "69123");
        List<UUID> matches = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            matches.add(shortlisted(siret, postId, adviser("69123", "COMMUNE")));
        }

        List<Integer> statuses = race(RACERS, i -> post(Tokens.structure(siret), "/matches/" + matches.get(i)
                + "/recruit", Fixtures.json(Fixtures.CONTRACT)));

        assertEquals(1, Collections.frequency(statuses, 200), statuses.toString());
        assertEquals(RACERS - 1, Collections.frequency(statuses, 409), statuses.toString());
        assertEquals(1, count("SELECT count(*) FROM placement_match WHERE post_id = ? AND state = 'RECRUITED'",
                postId));
        assertEquals(1, count("SELECT count(*) FROM contract WHERE post_id = ? AND state = 'PROPOSED'", postId));
    }

    /** Behind the locks, the database itself refuses a second active contract on a post or for an adviser. */
    @Test
    void theDatabaseRefusesASecondActiveContract() throws Exception {
        String siret = newSiret();
        List<UUID> postIds = openPosts(siret, "69123", 2, Instant.now());
        UUID first = adviser("69123", "COMMUNE");
        UUID second = adviser("69123", "COMMUNE");
        UUID matchId = Fixtures.finalized(siret, postIds.get(0), first);
        UUID otherMatch = recruited(siret, postIds.get(1), second);

        SQLException samePost = assertThrows(SQLException.class,
                () -> insertActiveContract(otherMatch, postIds.get(0), second));
        assertEquals("23505", samePost.getSQLState());
        assertTrue(samePost.getMessage().contains("contract_one_active_per_post"), samePost.getMessage());
        SQLException sameAdviser = assertThrows(SQLException.class,
                () -> insertActiveContract(matchId, postIds.get(1), first));
        assertEquals("23505", sameAdviser.getSQLState());
        assertTrue(sameAdviser.getMessage().contains("contract_one_active_per_conseiller"), sameAdviser.getMessage());
        UUID waiting = shortlisted(siret, postIds.get(1), adviser("69123", "COMMUNE"));
        SQLException secondRecruitment = assertThrows(SQLException.class,
                () -> execute("UPDATE placement_match SET state = 'RECRUITED' WHERE id = ?", waiting));
        assertEquals("23505", secondRecruitment.getSQLState());
        assertTrue(secondRecruitment.getMessage().contains("match_one_recruitment_per_post"),
                secondRecruitment.getMessage());
    }

    private interface Racer {
        int run(int index) throws Exception;
    }

    /** Starts the racers together (a barrier releases them at once) and returns their HTTP statuses. */
    private static List<Integer> race(int racers, Racer racer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CyclicBarrier start = new CyclicBarrier(racers);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int index = i;
                Callable<Integer> call = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return racer.run(index);
                };
                results.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(path).statusCode();
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter instanceof List<?> list) {
                statement.setArray(1, connection.createArrayOf("uuid", list.toArray()));
            } else {
                statement.setObject(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void insertActiveContract(UUID matchId, UUID postId, UUID conseillerId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO contract (id, match_id, post_id, conseiller_id, application_id, siret, contract_type,
                         start_date, gross_monthly_salary, weekly_hours, state, proposed_at, version)
                     VALUES (?, ?, ?, ?, ?, '00000000000000', 'CDI', DATE '2024-01-01', 1900, 35, 'ACTIVE', now(), 0)""")) {
            statement.setObject(1, UUID.randomUUID());
            statement.setObject(2, matchId);
            statement.setObject(3, postId);
            statement.setObject(4, conseillerId);
            statement.setObject(5, UUID.randomUUID());
            statement.executeUpdate();
        }
    }

    private void execute(String sql, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }
}
