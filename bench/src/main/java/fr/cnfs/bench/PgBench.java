package fr.cnfs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.cnfs.devstack.PostgresServer;

/**
 * PostgreSQL's own commit rate for what one create request writes: an application row and an outbox row in one
 * transaction, in a copy of applications-service's database (same tables, indexes, foreign keys and data), with
 * pgbench at the HTTP scenarios' number of connections. Our POST throughput divided by it is the ratio of issue 8.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final String DATABASE = "bench_pgbench";

    private PgBench() {
    }

    static void run(PostgresServer postgres, Options options, Report report, double postThroughput)
            throws IOException, SQLException, InterruptedException {
        String scenario = "pgbench: application row + outbox row per transaction";
        if (!onPath("pgbench")) {
            report.row(scenario, "TPS", "", "not run: pgbench is not installed (Debian: postgresql-client)", null);
            return;
        }
        String structureId;
        String campaignId;
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
                postgres.password()); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE + " TEMPLATE bench_applications");
        }
        try (Connection copy = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(),
                postgres.password()); Statement statement = copy.createStatement()) {
            // pgbench cannot give each transaction a structure of its own: the rule "one open application per
            // structure and campaign" stays as the same partial index, without its uniqueness.
            statement.execute("DROP INDEX application_one_open_per_structure_and_campaign");
            statement.execute("CREATE INDEX application_one_open_per_structure_and_campaign ON application "
                    + "(structure_id, campaign_id) WHERE status IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED')");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT a.structure_id, a.campaign_id FROM application a ORDER BY a.created_at LIMIT 1")) {
                rows.next();
                structureId = rows.getString(1);
                campaignId = rows.getString(2);
            }
        }
        Path script = Files.createTempFile("cnfs-pgbench", ".sql");
        Files.writeString(script, """
                BEGIN;
                INSERT INTO application (id, siret, category, departement_code, region_code, territory_zone, campaign_id,
                    posts_requested, contract_months, status, created_at, version, structure_id, desired_start_date,
                    motivation, france_services_label, updated_at, priority)
                VALUES (gen_random_uuid(), '80000000000018', 'PRIVATE', '69', '84', 'METRO', '%s', 2, 18, 'DRAFT', now(),
                    0, '%s', current_date + 30, 'Accompagner les habitants éloignés du numérique', false, now(), false);
                INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, payload, headers, occurred_at)
                VALUES (gen_random_uuid(), 'cnfs.applications', 'Application', gen_random_uuid()::text,
                    'fr.cnfs.applications.ApplicationCreated', '{"payload":"' || repeat('x', 500) || '"}',
                    '{"ce_source":"/applications-service"}', now());
                COMMIT;
                """.formatted(campaignId, structureId),
                StandardCharsets.UTF_8);
        try {
            pgbench(postgres, options, script, 5);
            List<Double> tps = new ArrayList<>();
            for (int run = 0; run < options.runs(); run++) {
                tps.add(pgbench(postgres, options, script, (int) options.duration().toSeconds()));
                Bench.log(String.format("pgbench run %d: %.0f TPS", run + 1, tps.get(run)));
            }
            Stats stats = Stats.of(tps);
            report.row(scenario + ", " + options.connections() + " connections", "TPS", "", stats.format(0), null);
            if (!Double.isNaN(postThroughput)) {
                double ratio = postThroughput / stats.median();
                report.row("`POST /applications` throughput ÷ pgbench TPS", "ratio", "≥ 0.4",
                        // Three decimals: 0.397 is a miss that two decimals would print as 0.40.
                        String.format("%.3f (%.0f ÷ %.0f)", ratio, postThroughput, stats.median()), ratio >= 0.4);
            }
            report.detail("**pgbench** script (one transaction; the services were stopped while it ran):\n\n```sql\n"
                    + Files.readString(script).replaceAll("'[0-9a-f-]{36}'", "'…'") + "```");
        } finally {
            Files.deleteIfExists(script);
            try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
                    postgres.password()); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        }
    }

    private static double pgbench(PostgresServer postgres, Options options, Path script, int seconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-h", postgres.host(), "-p",
                String.valueOf(postgres.port()), "-U", postgres.username(), "-c", String.valueOf(options.connections()),
                "-j", "2", "-T", String.valueOf(seconds), "-f", script.toString(), DATABASE).redirectErrorStream(true);
        if (!postgres.password().isEmpty()) {
            builder.environment().put("PGPASSWORD", postgres.password());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("No TPS in pgbench's output:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }
}
