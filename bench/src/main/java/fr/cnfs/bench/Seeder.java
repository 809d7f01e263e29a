package fr.cnfs.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import fr.cnfs.territory.Siren;
import fr.cnfs.territory.Siret;

/**
 * Puts data in place before the timed parts. What a user would do once (a structure or an adviser per commune, the
 * campaigns, the programme's applications under review) goes through the public APIs; the 100,000-row data sets are
 * cloned from those API-made rows in bulk SQL, because creating them one request at a time would take longer than
 * the whole benchmark.
 */
final class Seeder {

    /** Ten communes in ten départements (metropolitan France), so that filters select a tenth of the rows. */
    static final List<String> COMMUNES = List.of("69123", "13055", "31555", "33063", "59350", "44109", "67482",
            "34172", "35238", "06088");
    static final String LYON = "69123";

    private static final AtomicLong SIRET_COUNTER = new AtomicLong(1);

    private final Api api;
    private final Endpoints endpoints;
    private final Connection applicationsDb;
    private final Connection placementDb;

    /** A structure of the bulk set: its id, SIRET and département. */
    record BulkStructure(String id, String siret, String departement) {
    }

    Seeder(Api api, Endpoints endpoints, Connection applicationsDb, Connection placementDb) {
        this.api = api;
        this.endpoints = endpoints;
        this.applicationsDb = applicationsDb;
        this.placementDb = placementDb;
    }

    /** A valid SIRET, unique in the run: an association's (private structures have no SIREN in the referential). */
    static String nextSiret() {
        long n = SIRET_COUNTER.getAndIncrement();
        String siren = Siren.withCheckDigit(String.format("8%07d", n / 10_000)).value();
        return Siret.withCheckDigit(siren + String.format("%04d", n % 10_000)).value();
    }

    String openCampaign(String name, int postQuota) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("opensOn", LocalDate.now().minusDays(1).toString());
        body.put("closesOn", LocalDate.now().plusDays(60).toString());
        body.put("postQuota", postQuota);
        body.put("eligibleCategories", List.of("PUBLIC", "PRIVATE"));
        body.put("fundingPhase", "PHASE_1");
        return api.post(endpoints.applications() + "/campaigns", endpoints.instructeur(), body, 201).get("id").asText();
    }

    /** One association per commune, through the API: the templates the bulk rows are cloned from. */
    List<String> registerTemplateStructures() {
        List<String> ids = new ArrayList<>();
        for (String commune : COMMUNES) {
            String siret = nextSiret();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("siret", siret);
            body.put("name", "Association bench " + commune);
            body.put("type", "ASSOCIATION");
            body.put("communeCode", commune);
            body.put("qpv", false);
            body.put("zrr", false);
            body.put("contact", Map.of("firstName", "Claire", "lastName", "Durand", "role", "Présidente",
                    "email", "contact+" + siret + "@example.org", "phone", "04 72 10 30 30"));
            ids.add(api.post(endpoints.applications() + "/structures", endpoints.admin(), body, 201).get("id").asText());
        }
        return ids;
    }

    /** One adviser per commune, through the API. */
    List<String> registerTemplateConseillers() {
        List<String> ids = new ArrayList<>();
        for (String commune : COMMUNES) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("firstName", "Camille");
            body.put("lastName", "Martin");
            body.put("email", "camille.template." + commune + "@example.org");
            body.put("communeCode", commune);
            body.put("mobility", "DEPARTEMENT");
            body.put("availableFrom", LocalDate.now().minusDays(60).toString());
            body.put("jobSeeker", true);
            body.put("digitalMediationDiploma", false);
            body.put("priorExperience", true);
            ids.add(api.post(endpoints.placement() + "/conseillers", endpoints.admin(), body, 201).get("id").asText());
        }
        return ids;
    }

    /** {@code count} structures cloned from the templates in turn (bulk SQL); returned in insertion order. */
    List<BulkStructure> bulkStructures(List<String> templateIds, int count) throws SQLException {
        String[] ids = new String[count];
        String[] sirets = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = UUID.randomUUID().toString();
            sirets[i] = nextSiret();
        }
        String sql = """
                INSERT INTO structure (id, siret, name, name_search, type, category, commune_code, departement_code,
                    region_code, territory_zone, territory_code, qpv, zrr, contact_first_name, contact_last_name,
                    contact_role, contact_email, contact_phone, created_at, updated_at, version)
                SELECT u.id::uuid, u.siret, 'Association bench ' || u.n, 'association bench ' || u.n, t.type,
                    t.category, t.commune_code, t.departement_code, t.region_code, t.territory_zone, t.territory_code,
                    t.qpv, t.zrr, t.contact_first_name, t.contact_last_name, t.contact_role,
                    'contact+' || u.siret || '@example.org', t.contact_phone, now(), now(), 0
                FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS u (id, siret, n)
                JOIN (SELECT s.*, row_number() OVER (ORDER BY s.commune_code) - 1 AS k
                      FROM structure s WHERE s.id = ANY (?::uuid[])) t ON t.k = (u.n - 1) % ?
                """;
        try (PreparedStatement insert = applicationsDb.prepareStatement(sql)) {
            insert.setArray(1, applicationsDb.createArrayOf("text", ids));
            insert.setArray(2, applicationsDb.createArrayOf("text", sirets));
            insert.setArray(3, applicationsDb.createArrayOf("uuid", templateIds.toArray()));
            insert.setInt(4, templateIds.size());
            if (insert.executeUpdate() != count) {
                throw new IllegalStateException("bulk structures: not every row was inserted");
            }
        }
        List<BulkStructure> structures = new ArrayList<>(count);
        try (PreparedStatement select = applicationsDb.prepareStatement(
                "SELECT id, siret, departement_code FROM structure WHERE id = ANY (?::uuid[])")) {
            select.setArray(1, applicationsDb.createArrayOf("text", ids));
            Map<String, BulkStructure> byId = new LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byId.put(rows.getString(1), new BulkStructure(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            for (String id : ids) {
                structures.add(byId.get(id));
            }
        }
        return structures;
    }

    /**
     * One application per bulk structure in {@code campaignId} (bulk SQL): statuses DRAFT, SUBMITTED, UNDER_REVIEW and
     * WITHDRAWN in turn, a quarter of each in every département (the structures take the ten communes in turn),
     * created and submitted over the last 90 days. Returns their ids.
     */
    List<String> bulkApplications(List<BulkStructure> structures, String campaignId) throws SQLException {
        String[] structureIds = structures.stream().map(BulkStructure::id).toArray(String[]::new);
        String sql = """
                INSERT INTO application (id, siret, category, departement_code, region_code, territory_zone, campaign_id,
                    posts_requested, contract_months, status, created_at, version, structure_id, desired_start_date,
                    motivation, france_services_label, updated_at, submitted_at, priority)
                SELECT gen_random_uuid(), s.siret, s.category, s.departement_code, s.region_code, s.territory_zone,
                    ?::uuid, 1 + u.n % 3, 18, (ARRAY['SUBMITTED', 'UNDER_REVIEW', 'WITHDRAWN', 'DRAFT'])[1 + (u.n / 10) % 4],
                    now() - (u.n % 90) * interval '1 day' - u.n * interval '1 second', 0, s.id, current_date + 30,
                    'Accompagner les habitants éloignés du numérique', u.n % 5 = 0, now(),
                    CASE WHEN (u.n / 10) % 4 <> 3 THEN now() - (u.n % 90) * interval '1 day' END, false
                FROM unnest(?::uuid[]) WITH ORDINALITY AS u (id, n)
                JOIN structure s ON s.id = u.id
                RETURNING id
                """;
        List<String> ids = new ArrayList<>(structures.size());
        try (PreparedStatement insert = applicationsDb.prepareStatement(sql)) {
            insert.setString(1, campaignId);
            insert.setArray(2, applicationsDb.createArrayOf("text", structureIds));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        analyze(applicationsDb, "structure", "application");
        return ids;
    }

    /**
     * {@code count} AVAILABLE advisers cloned from the templates in turn (bulk SQL). With {@code mobility} null the
     * pool mixes the five mobilities and the training statuses, as a real pool does; otherwise every adviser has that
     * mobility and is certified. Returns their ids.
     */
    List<String> bulkConseillers(List<String> templateIds, int count, String mobility, String tag) throws SQLException {
        String sql = """
                INSERT INTO conseiller (id, first_name, last_name, email, phone, commune_code, commune_name,
                    home_commune_code, epci_siren, departement_code, region_code, territory_zone, territory_code,
                    mobility, available_from, job_seeker, digital_mediation_diploma, prior_experience, status,
                    training_status, training_enrolled_on, training_certified_on, training_hours_completed,
                    created_at, updated_at, version)
                SELECT gen_random_uuid(), t.first_name, 'Bench' || g, 'bench.' || ? || '.' || g || '@example.org',
                    t.phone, t.commune_code, t.commune_name, t.home_commune_code, t.epci_siren, t.departement_code,
                    t.region_code, t.territory_zone, t.territory_code,
                    COALESCE(?, (ARRAY['COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION', 'NATIONAL'])[1 + g % 5]),
                    current_date - (g % 200), g % 2 = 0, g % 3 = 0, g % 2 = 1, 'AVAILABLE', tr.status,
                    CASE WHEN tr.status <> 'NOT_STARTED' THEN current_date - 60 END,
                    CASE WHEN tr.status = 'CERTIFIED' THEN current_date - 10 END,
                    CASE tr.status WHEN 'CERTIFIED' THEN 140 WHEN 'ENROLLED' THEN 35 ELSE 0 END,
                    now(), now(), 0
                FROM generate_series(1, ?) AS g
                JOIN (SELECT c.*, row_number() OVER (ORDER BY c.commune_code) - 1 AS k
                      FROM conseiller c WHERE c.id = ANY (?::uuid[])) t ON t.k = g % ?
                CROSS JOIN LATERAL (SELECT CASE WHEN ? IS NOT NULL THEN 'CERTIFIED'
                    ELSE (ARRAY['NOT_STARTED', 'ENROLLED', 'CERTIFIED'])[1 + (g / 5) % 3] END AS status) tr
                RETURNING id
                """;
        List<String> ids = new ArrayList<>(count);
        try (PreparedStatement insert = placementDb.prepareStatement(sql)) {
            insert.setString(1, tag);
            insert.setString(2, mobility);
            insert.setInt(3, count);
            insert.setArray(4, placementDb.createArrayOf("uuid", templateIds.toArray()));
            insert.setInt(5, templateIds.size());
            insert.setString(6, mobility);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        analyze(placementDb, "conseiller");
        return ids;
    }

    /** Creates, submits and puts under review an application of the structure, through the API; returns its id. */
    String applyAndStartReview(BulkStructure structure, String campaignId, int postsRequested) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("structureId", structure.id());
        body.put("campaignId", campaignId);
        body.put("postsRequested", postsRequested);
        body.put("contractMonths", 18);
        body.put("desiredStartDate", LocalDate.now().plusDays(10).toString());
        body.put("motivation", "Accompagner les habitants éloignés du numérique");
        body.put("franceServicesLabel", false);
        JsonNode created = api.post(endpoints.applications() + "/applications", endpoints.admin(), body, 201);
        String id = created.get("id").asText();
        api.post(endpoints.applications() + "/applications/" + id + "/submit", endpoints.admin(), Map.of(), 200);
        api.post(endpoints.applications() + "/applications/" + id + "/start-review", endpoints.instructeur(), Map.of(),
                200);
        return id;
    }

    /**
     * VACUUM ANALYZE, as autovacuum would soon after a bulk load: planner statistics, and the visibility map that
     * index-only scans need. Without it the first minutes after seeding would not be the steady state we measure.
     */
    static void analyze(Connection connection, String... tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("VACUUM ANALYZE " + table);
            }
        }
    }

    static Array uuids(Connection connection, List<String> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }
}
