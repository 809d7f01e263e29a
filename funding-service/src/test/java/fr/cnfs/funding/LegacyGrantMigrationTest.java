package fr.cnfs.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.funding.domain.rules.BundledRuleSets;
import fr.cnfs.funding.domain.rules.FundingCalculator;
import fr.cnfs.funding.domain.rules.FundingQuote;
import fr.cnfs.funding.domain.rules.StructureCategory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * V2 completes the grants the walking skeleton awarded under V1 with the plan the service computes today. Run in a
 * schema of its own inside the test database, from V1 with skeleton rows to V2.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "funding_test"))
class LegacyGrantMigrationTest {

    private static final String SCHEMA = "legacy_migration_check";

    @Inject
    DataSource dataSource;

    @Test
    void skeletonGrantsGetThePhaseOnePlanTheServiceWouldHaveComputed() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        flyway("1").migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO %1$s.grant_award VALUES
                      ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a1', NULL, '21690123100011',
                       'Commune de Lyon', 'PUBLIC', '69', 'METRO', '69', 'PHASE_1', 24, 1, 50000.00, 50000.00, now(), 0),
                      ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-0000000000a2', NULL, '21690123100011',
                       'Association', 'PRIVATE', '75', 'METRO', '75', 'PHASE_1', 13, 1, 28888.89, 28888.89, now(), 0);
                    INSERT INTO %1$s.post_funding VALUES
                      ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000001', 50000.00, 0),
                      ('00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-000000000002', 28888.89, 0);
                    """.formatted(SCHEMA));
        }
        flyway(null).migrate();

        assertPlan("00000000-0000-4000-8000-0000000000b1", 720,
                FundingCalculator.quote(BundledRuleSets.PHASE_1, StructureCategory.PUBLIC, 24, "69", false, false));
        assertPlan("00000000-0000-4000-8000-0000000000b2", 390,
                FundingCalculator.quote(BundledRuleSets.PHASE_1, StructureCategory.PRIVATE, 13, "75", false, false));
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    private void assertPlan(String postId, int fundedDays, FundingQuote expected) throws Exception {
        List<BigDecimal> amounts = new ArrayList<>();
        List<Integer> thresholds = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet post = sql.executeQuery("SELECT funded_days, status FROM " + SCHEMA + ".post_funding WHERE post_id = '"
                    + postId + "'")) {
                post.next();
                assertEquals(fundedDays, post.getInt(1));
                assertEquals("AWAITING_CONTRACT", post.getString(2));
            }
            try (ResultSet tranches = sql.executeQuery("SELECT amount, threshold_days FROM " + SCHEMA
                    + ".tranche WHERE post_id = '" + postId + "' AND status = 'PLANNED' ORDER BY rank")) {
                while (tranches.next()) {
                    amounts.add(tranches.getBigDecimal(1));
                    thresholds.add(tranches.getInt(2));
                }
            }
        }
        assertEquals(expected.tranches().stream().map(FundingQuote.PlannedTranche::amount).toList(), amounts);
        assertEquals(expected.tranches().stream().map(FundingQuote.PlannedTranche::thresholdDays).toList(), thresholds);
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/plumbing", "classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }
}
