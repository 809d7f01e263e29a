package fr.cnfs.applications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Search filters and sorting, and the CSV export on 50,000 applications seeded by SQL: every row, in a French
 * spreadsheet's format, streamed from the database cursor as the client reads it.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class ApplicationSearchAndExportTest {

    static final int ROWS = 50_000;
    /** Submission days of the seeded rows: 2021-02-01 plus (i mod 60) days. */
    static final LocalDate FIRST_DAY = LocalDate.of(2021, 2, 1);

    private static String seededCampaign;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void seedOnce() throws SQLException {
        if (seededCampaign != null) {
            return;
        }
        String campaign = UUID.randomUUID().toString();
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            execute(connection, """
                    INSERT INTO campaign (id, name, opens_on, closes_on, post_quota, posts_granted, funding_phase,
                                          recruitment_deadline_months, created_at, version)
                    VALUES (?::uuid, 'Seeded ' || ?, DATE '2021-01-15', DATE '2021-04-30', 1000000, 0, 'PHASE_1', 3,
                            now(), 0)""", campaign, campaign);
            execute(connection, """
                    INSERT INTO campaign_eligible_category (campaign_id, category)
                    VALUES (?::uuid, 'PUBLIC'), (?::uuid, 'PRIVATE')""", campaign, campaign);
            // Four territories in turn; names with the separator, quotes and accents a CSV must survive.
            execute(connection, """
                    INSERT INTO structure (id, siret, name, name_search, type, category, commune_code, departement_code,
                                           region_code, territory_zone, territory_code, qpv, zrr, contact_first_name,
                                           contact_last_name, contact_role, contact_email, contact_phone, created_at,
                                           updated_at, version)
                    SELECT md5(? || '-s-' || i)::uuid,
                           '8' || lpad(i::text, 6, '0') || lpad((abs(hashtext(?)) % 10000000)::text, 7, '0'),
                           'Structure n°' || i || ' ; "Les Églantiers"', 'structure n°' || i,
                           CASE WHEN i % 2 = 0 THEN 'COMMUNE' ELSE 'ASSOCIATION' END,
                           CASE WHEN i % 2 = 0 THEN 'PUBLIC' ELSE 'PRIVATE' END,
                           (ARRAY['69123', '75056', '13055', '97411'])[i % 4 + 1],
                           (ARRAY['69', '75', '13', '974'])[i % 4 + 1],
                           (ARRAY['84', '11', '93', '04'])[i % 4 + 1],
                           CASE WHEN i % 4 = 3 THEN 'DROM' ELSE 'METRO' END,
                           (ARRAY['69', '75', '13', '974'])[i % 4 + 1],
                           false, false, 'Claire', 'Martin', 'DGS', 'dgs@example.fr', '0102030405', now(), now(), 0
                    FROM generate_series(1, ?) AS i""", campaign, campaign, ROWS);
            execute(connection, """
                    INSERT INTO application (id, structure_id, campaign_id, siret, category, departement_code, region_code,
                                             territory_zone, posts_requested, contract_months, desired_start_date,
                                             motivation, france_services_label, status, created_at, updated_at,
                                             submitted_at, posts_granted, decision_number, priority, decided_at, version)
                    SELECT md5(? || '-a-' || i)::uuid, s.id, ?::uuid, s.siret, s.category, s.departement_code,
                           s.region_code, s.territory_zone, i % 5 + 1, 12, DATE '2021-06-01', 'Motivation ' || i,
                           i % 2 = 0,
                           (ARRAY['SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED'])[i % 4 + 1],
                           TIMESTAMPTZ '2021-01-20 10:00:00+01' + i * INTERVAL '1 second',
                           now(),
                           TIMESTAMPTZ '2021-02-01 10:00:00+01' + (i % 60) * INTERVAL '1 day',
                           CASE WHEN i % 4 = 2 THEN 1 END,
                           CASE WHEN i % 4 = 2 THEN 'COSELEC 1' END,
                           false,
                           CASE WHEN i % 4 IN (2, 3) THEN TIMESTAMPTZ '2021-04-01 10:00:00+02' END,
                           0
                    FROM generate_series(1, ?) AS i
                    JOIN structure s ON s.id = md5(? || '-s-' || i)::uuid""", campaign, campaign, ROWS, campaign);
            execute(connection, """
                    INSERT INTO application_funding (application_id, grant_id, post_count, amount_per_post, granted_amount,
                                                     paid_amount, updated_at)
                    SELECT id, gen_random_uuid(), 1, 25000.00, 25000.00, 12500.00, now()
                    FROM application WHERE campaign_id = ?::uuid AND status = 'APPROVED'""", campaign);
            connection.commit();
        }
        System.out.printf("EXPORT seeded %d structures and %d applications by SQL in %d ms%n", ROWS, ROWS,
                (System.nanoTime() - started) / 1_000_000);
        seededCampaign = campaign;
    }

    @Test
    void everyFilterSelectsWhatTheDatabaseHolds() throws SQLException {
        String campaign = seededCampaign;
        assertTotal(Map.of("campaignId", campaign), count("1 = 1"));
        assertTotal(Map.of("campaignId", campaign, "status", "APPROVED"), count("status = 'APPROVED'"));
        assertTotal(Map.of("campaignId", campaign, "status", "APPROVED,REJECTED"),
                count("status IN ('APPROVED', 'REJECTED')"));
        assertTotal(Map.of("campaignId", campaign, "departement", "974"), count("departement_code = '974'"));
        assertTotal(Map.of("campaignId", campaign, "region", "93"), count("region_code = '93'"));
        assertTotal(Map.of("campaignId", campaign, "zone", "DROM"), count("territory_zone = 'DROM'"));
        assertTotal(Map.of("campaignId", campaign, "category", "PRIVATE"), count("category = 'PRIVATE'"));
        assertTotal(Map.of("campaignId", campaign, "submittedFrom", "2021-02-10", "submittedTo", "2021-02-19"),
                count("submitted_at >= TIMESTAMPTZ '2021-02-10 00:00:00+01' AND submitted_at < TIMESTAMPTZ "
                        + "'2021-02-20 00:00:00+01'"));
        assertTotal(Map.of("campaignId", campaign, "status", "SUBMITTED", "departement", "69", "category", "PUBLIC"),
                count("status = 'SUBMITTED' AND departement_code = '69' AND category = 'PUBLIC'"));
        String siret = given().auth().oauth2(Tokens.admin()).queryParams(Map.of("campaignId", campaign, "size", 1))
                .when().get("/applications").then().extract().path("items[0].structure.siret");
        String structureId = given().auth().oauth2(Tokens.admin()).queryParams(Map.of("campaignId", campaign, "size", 1))
                .when().get("/applications").then().extract().path("items[0].structure.id");
        assertTotal(Map.of("siret", siret), 1);
        assertTotal(Map.of("structureId", structureId), 1);
    }

    @Test
    void theListIsPagedAndSortedOnAWhitelist() {
        var first = given().auth().oauth2(Tokens.instructeur())
                .queryParams(Map.of("campaignId", seededCampaign, "sort", "postsRequested,desc", "size", 100))
                .when().get("/applications").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(100)).body("totalItems", equalTo(ROWS))
                .body("items.postsRequested", everyItem(equalTo(5)))
                .extract();
        List<String> ids = first.path("items.id");
        List<String> next = given().auth().oauth2(Tokens.instructeur())
                .queryParams(Map.of("campaignId", seededCampaign, "sort", "postsRequested,desc", "size", 100, "page", 1))
                .when().get("/applications").then().statusCode(200).extract().path("items.id");
        assertTrue(java.util.Collections.disjoint(ids, next), "pages do not overlap");
        List<String> submitted = given().auth().oauth2(Tokens.instructeur())
                .queryParams(Map.of("campaignId", seededCampaign, "sort", "submittedAt", "size", 50))
                .when().get("/applications").then().statusCode(200).extract().path("items.submittedAt");
        assertEquals(submitted.stream().sorted().toList(), submitted);
        given().auth().oauth2(Tokens.instructeur()).queryParams(Map.of("campaignId", seededCampaign, "size", 5))
                .when().get("/applications").then().statusCode(200)
                .body("items[0].grantedAmount", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(),
                        equalTo(25000.00f)));
        given().auth().oauth2(Tokens.instructeur()).queryParam("sort", "motivation").when().get("/applications")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));
        given().auth().oauth2(Tokens.instructeur()).queryParam("status", "PENDING").when().get("/applications")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(Tokens.instructeur()).queryParam("campaignId", "42").when().get("/applications")
                .then().statusCode(400).body("violations[0].field", equalTo("campaignId"));
        given().auth().oauth2(Tokens.instructeur()).queryParams(Map.of("submittedFrom", "2021-03-01",
                "submittedTo", "2021-02-01")).when().get("/applications")
                .then().statusCode(400).body("violations[0].field", equalTo("submittedTo"));
    }

    @Test
    void theExportHasEveryRowForAFrenchSpreadsheet() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                LockSupport.parkNanos(5_000_000);
            }
        });
        sampler.start();

        HttpRequest request = HttpRequest.newBuilder(base.resolve("/applications/export?campaignId=" + seededCampaign))
                .header("Authorization", "Bearer " + Tokens.instructeur()).GET().build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        long headersMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, response.statusCode());
        assertEquals("text/csv;charset=UTF-8", response.headers().firstValue("Content-Type").orElse("")
                .replace(" ", ""));
        assertTrue(response.headers().firstValue("Content-Length").isEmpty(), "a stream has no length up front");
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));

        long rows = 0;
        long bytes = 3;
        long approved = 0;
        try (InputStream body = response.body()) {
            byte[] bom = body.readNBytes(3);
            assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, bom, "UTF-8 byte order mark");
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String header = reader.readLine();
            assertTrue(header.startsWith("id;siret;structureName;structureType;category;"), header);
            bytes += header.length() + 2;
            String line;
            while ((line = reader.readLine()) != null) {
                rows++;
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 2;
                if (rows == 1) {
                    assertTrue(line.contains(";\"Structure n°1 ; \"\"Les Églantiers\"\"\";"), line);
                }
                if (line.contains(";APPROVED;")) {
                    approved++;
                    assertTrue(line.endsWith(";25000,00;12500,00"), line);
                }
            }
        }
        long totalMillis = (System.nanoTime() - started) / 1_000_000;
        sampling.set(false);
        sampler.join();
        long megabyte = 1024 * 1024;
        System.out.printf("EXPORT %d rows, %.1f MB of CSV: headers after %d ms, complete after %d ms (%.0f rows/s); "
                + "heap used %d MB after GC before, peak %d MB while exporting (garbage included; max heap %d MB)%n",
                rows, bytes / 1e6, headersMillis, totalMillis, rows * 1000.0 / totalMillis, baseline / megabyte,
                peak.get() / megabyte, memory.getHeapMemoryUsage().getMax() / megabyte);
        assertEquals(ROWS, rows);
        assertEquals(count("status = 'APPROVED'"), approved);
    }

    /**
     * The streaming proof. A client that reads 100 kB and then nothing (with a small receive buffer, so that the
     * network holds little) keeps the server's export waiting: its cursor stays open, far from the end of 13 MB of
     * CSV. Meanwhile the heap holds no more than a window of rows. A server that read every row before writing would
     * show them in the heap; one that wrote everything to its buffers would have finished and ended its transaction.
     */
    @Test
    void aClientThatStopsReadingHoldsTheServerBackAndOneThatLeavesEndsTheExport() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long retainedWhileWaiting;
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            String request = "GET /applications/export?campaignId=" + seededCampaign + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + Tokens.instructeur() + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] received = socket.getInputStream().readNBytes(100_000);
            assertTrue(new String(received, StandardCharsets.UTF_8).startsWith("HTTP/1.1 200"));

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(this::exportCursorOpen);
            System.gc();
            retainedWhileWaiting = memory.getHeapMemoryUsage().getUsed() - baseline;
            assertTrue(exportCursorOpen(), "still waiting for the client");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !exportCursorOpen());
        System.out.printf("EXPORT slow client: cursor open for 3 s while the client read nothing; heap after GC "
                + "%+d MB while the export waited%n", retainedWhileWaiting / (1024 * 1024));
        // 50,000 rows read ahead would hold tens of MB (13 MB of text alone); a window of 1,000 holds well under 1.
        assertTrue(retainedWhileWaiting < 16 * 1024 * 1024, "the export holds a bounded window of rows");
    }

    @Test
    void theExportTakesTheSameFiltersAsTheSearch() throws SQLException {
        String csv = given().auth().oauth2(Tokens.admin())
                .queryParams(Map.of("campaignId", seededCampaign, "status", "APPROVED", "departement", "13"))
                .when().get("/applications/export").then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(count("status = 'APPROVED' AND departement_code = '13'") + 1, lines.length);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].contains(";13;93;METRO;") && lines[i].contains(";APPROVED;"), lines[i]);
        }
        given().auth().oauth2(Tokens.admin()).queryParam("zone", "ATLANTIS").when().get("/applications/export")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private boolean exportCursorOpen() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid()
                          AND state IN ('active', 'idle in transaction')
                          AND query ILIKE '%left join application_funding%'""");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1) > 0;
        }
    }

    private void assertTotal(Map<String, Object> filters, long expected) {
        given().auth().oauth2(Tokens.admin()).queryParams(filters).queryParam("size", 1)
                .when().get("/applications").then().statusCode(200).body("totalItems", equalTo((int) expected));
    }

    private long count(String condition) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM application WHERE campaign_id = ?::uuid AND " + condition)) {
            statement.setString(1, seededCampaign);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
