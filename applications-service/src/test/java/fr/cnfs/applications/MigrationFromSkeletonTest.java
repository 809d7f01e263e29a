package fr.cnfs.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * V2 on a database the walking skeleton (V1) has written to, in a schema of its own: structures, campaigns, history
 * and funding are carried over, and the new rules hold on the old rows.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class MigrationFromSkeletonTest {

    private static final String SCHEMA = "skeleton_migration";
    private static final String LOCATION = "filesystem:src/main/resources/db/migration";

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void theSkeletonsRowsBecomeStructuresCampaignsHistoryAndFunding() throws SQLException {
        dropSchema();
        flyway("1").migrate();
        inSchema(statement -> {
            statement.execute("""
                    INSERT INTO application (id, siret, structure_name, structure_type, category, commune_code,
                        departement_code, region_code, territory_zone, territory_code, qpv, zrr, campaign_id,
                        funding_phase, posts_requested, contract_months, status, posts_granted, decision_number,
                        decided_at, granted_amount, created_at, version) VALUES
                    ('00000000-0000-4000-8000-00000000000a', '21690123100011', 'Mairie de Lyon', 'COMMUNE', 'PUBLIC',
                     '69123', '69', '84', 'METRO', '69', false, false, NULL, 'PHASE_1', 2, 24, 'DRAFT', NULL, NULL,
                     NULL, NULL, '2021-02-01 10:00:00+01', 0),
                    ('00000000-0000-4000-8000-00000000000b', '21690123100011', 'Commune de Lyon', 'COMMUNE', 'PUBLIC',
                     '69123', '69', '84', 'METRO', '69', false, false, NULL, 'PHASE_1', 3, 24, 'SUBMITTED', NULL, NULL,
                     NULL, NULL, '2021-02-02 10:00:00+01', 1),
                    ('00000000-0000-4000-8000-00000000000c', '21130055300016', 'Commune de Marseille', 'COMMUNE',
                     'PUBLIC', '13055', '13', '93', 'METRO', '13', true, false,
                     '00000000-0000-4000-8000-0000000000c1', 'PHASE_1', 3, 24, 'APPROVED', 2, 'COSELEC 1',
                     '2021-03-01 10:00:00+01', 100000.00, '2021-02-03 10:00:00+01', 3)""");
            statement.execute("""
                    INSERT INTO granted_post (application_id, post_id, position) VALUES
                    ('00000000-0000-4000-8000-00000000000c', '00000000-0000-4000-8000-0000000000f1', 0),
                    ('00000000-0000-4000-8000-00000000000c', '00000000-0000-4000-8000-0000000000f2', 1)""");
        });

        flyway(null).migrate();

        inSchema(statement -> {
            assertEquals(List.of("21130055300016|Commune de Marseille|13|true", "21690123100011|Commune de Lyon|69|false"),
                    rows(statement, "SELECT siret || '|' || name || '|' || departement_code || '|' || qpv FROM structure "
                            + "ORDER BY siret"));
            assertEquals(List.of("0|4000|2", "2|4000|1"), rows(statement, """
                    SELECT c.posts_granted || '|' || c.post_quota || '|' || count(a.id) FROM campaign c
                    JOIN application a ON a.campaign_id = c.id GROUP BY c.id ORDER BY c.posts_granted"""));
            // The older of two open applications of one structure in one campaign is withdrawn, and says why.
            assertEquals(List.of("a|WITHDRAWN", "b|SUBMITTED", "c|APPROVED"), rows(statement,
                    "SELECT right(id::text, 1) || '|' || status FROM application ORDER BY id"));
            assertEquals(List.of("a|CREATE|DRAFT", "a|WITHDRAW|WITHDRAWN", "b|CREATE|SUBMITTED", "c|CREATE|APPROVED"),
                    rows(statement, "SELECT right(application_id::text, 1) || '|' || action || '|' || to_status "
                            + "FROM application_history ORDER BY application_id, seq"));
            assertEquals(List.of("b|2021-02-02 09:00:00+00", "c|2021-02-03 09:00:00+00"), rows(statement,
                    "SELECT right(id::text, 1) || '|' || to_char(submitted_at AT TIME ZONE 'UTC', "
                            + "'YYYY-MM-DD HH24:MI:SS+00') FROM application WHERE submitted_at IS NOT NULL ORDER BY id"));
            ResultSet funding = statement.executeQuery(
                    "SELECT granted_amount, paid_amount FROM application_funding");
            assertTrue(funding.next());
            assertEquals(new BigDecimal("100000.00"), funding.getBigDecimal(1));
            assertEquals(new BigDecimal("0.00"), funding.getBigDecimal(2));
            assertEquals(List.of("2"), rows(statement, "SELECT count(*) FROM granted_post"));
            // The rules of V2 now hold on the old rows too.
            SQLException duplicate = assertThrows(SQLException.class, () -> statement.execute("""
                    UPDATE application SET status = 'DRAFT' WHERE id = '00000000-0000-4000-8000-00000000000a'"""));
            assertTrue(duplicate.getMessage().contains("application_one_open_per_structure_and_campaign"),
                    duplicate.getMessage());
        });
    }

    private interface SqlWork {
        void run(Statement statement) throws SQLException;
    }

    /** Works in the test schema; the pooled connection gets its search path back, for the tests that follow. */
    private void inSchema(SqlWork work) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + SCHEMA);
            try {
                work.run(statement);
            } finally {
                statement.execute("RESET search_path");
            }
        }
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations(LOCATION);
        if (target != null) {
            configuration = configuration.target(target);
        }
        return configuration.load();
    }
}
