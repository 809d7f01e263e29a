package fr.cnfs.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import fr.cnfs.devstack.ServiceProcess;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.territory.Siret;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The programme's steps as its users take them, through the public HTTP APIs only: a structure registers and applies,
 * an instructeur decides, advisers join the pool, the structure recruits, the admin finalizes, finance pays.
 */
final class Programme {

    static final Duration EVENTUALLY = Duration.ofSeconds(60);

    /** Establishment numbers handed out in this run: the databases are new for each run, so none repeats. */
    private static final AtomicInteger ESTABLISHMENTS = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000));

    static {
        // Money is read as BigDecimal, never through float: 500833.33 as a float is 500833.34.
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private final List<ServiceProcess> applications;
    private final List<ServiceProcess> funding;
    private final List<ServiceProcess> placement;
    private final AtomicInteger calls = new AtomicInteger();

    Programme(ServiceProcess applications, ServiceProcess funding, ServiceProcess placement) {
        this(List.of(applications), List.of(funding), List.of(placement));
    }

    /** With several instances of a service, each call goes to the next one in turn. */
    Programme(List<ServiceProcess> applications, List<ServiceProcess> funding, List<ServiceProcess> placement) {
        this.applications = List.copyOf(applications);
        this.funding = List.copyOf(funding);
        this.placement = List.copyOf(placement);
    }

    ServiceProcess applications() {
        return next(applications);
    }

    ServiceProcess funding() {
        return next(funding);
    }

    ServiceProcess placement() {
        return next(placement);
    }

    private ServiceProcess next(List<ServiceProcess> instances) {
        return instances.get(Math.floorMod(calls.getAndIncrement(), instances.size()));
    }

    /**
     * A SIRET of the SIREN (Lyon: 216901231) not used before in this run. A random establishment number repeated now and
     * then (about ten registrations of Lyon per run: a few runs in a thousand), and the second one got a 409.
     */
    static String siretOf(String siren) {
        return Siret.withCheckDigit(siren + String.format("%04d", ESTABLISHMENTS.incrementAndGet() % 10_000)).value();
    }

    record Structure(String id, String siret) {
        String token() {
            return Tokens.structure(siret);
        }
    }

    Structure registerStructure(String siren, String name, String type, String communeCode) {
        String siret = siretOf(siren);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siret", siret);
        body.put("name", name);
        body.put("type", type);
        body.put("communeCode", communeCode);
        body.put("qpv", false);
        body.put("zrr", false);
        body.put("contact", Map.of("firstName", "Claire", "lastName", "Durand", "role", "Directrice générale des services",
                "email", "contact+" + siret + "@example.org", "phone", "04 72 10 30 30"));
        String id = as(applications(), Tokens.structure(siret)).body(body).when().post("/structures")
                .then().statusCode(201).extract().path("id");
        return new Structure(id, siret);
    }

    String openCampaign(String name, int postQuota) {
        return as(applications(), Tokens.instructeur())
                .body(Map.of("name", name, "opensOn", LocalDate.now().minusDays(1).toString(),
                        "closesOn", LocalDate.now().plusDays(30).toString(), "postQuota", postQuota,
                        "eligibleCategories", List.of("PUBLIC", "PRIVATE"), "fundingPhase", "PHASE_1"))
                .when().post("/campaigns").then().statusCode(201).extract().path("id");
    }

    /** Creates, submits and puts under review an application; returns its id. */
    String applyAndStartReview(Structure structure, String campaignId, int posts, int contractMonths) {
        String id = as(applications(), structure.token())
                .body(Map.of("structureId", structure.id(), "campaignId", campaignId, "postsRequested", posts,
                        "contractMonths", contractMonths, "desiredStartDate", LocalDate.now().plusDays(10).toString(),
                        "motivation", "Accompagner les habitants éloignés du numérique", "franceServicesLabel", false))
                .when().post("/applications").then().statusCode(201).extract().path("id");
        as(applications(), structure.token()).when().post("/applications/" + id + "/submit").then().statusCode(200);
        as(applications(), Tokens.instructeur()).when().post("/applications/" + id + "/start-review").then().statusCode(200);
        return id;
    }

    ValidatableResponse approve(String applicationId, int postsGranted, String decisionNumber) {
        return as(applications(), Tokens.instructeur())
                .body(Map.of("postsGranted", postsGranted, "decisionNumber", decisionNumber))
                .when().post("/applications/" + applicationId + "/approve").then();
    }

    List<String> postIdsOf(String applicationId) {
        return as(applications(), Tokens.instructeur()).when().get("/applications/" + applicationId)
                .then().statusCode(200).extract().path("postIds");
    }

    /** Waits until funding shows the application's grant; returns it as JSON path values. */
    Map<String, Object> awaitGrant(String applicationId) {
        return await().atMost(EVENTUALLY).until(() -> as(funding(), Tokens.finance())
                .queryParam("applicationId", applicationId).when().get("/grants")
                .then().statusCode(200).extract().<Map<String, Object>>path("items[0]"), grant -> grant != null);
    }

    /** Waits until placement shows all the application's posts. */
    List<String> awaitPosts(String applicationId, int expected) {
        return await().atMost(EVENTUALLY).until(() -> as(placement(), Tokens.admin())
                .queryParam("applicationId", applicationId).queryParam("size", 100).when().get("/posts")
                .then().statusCode(200).extract().<List<String>>path("items.id"), ids -> ids.size() == expected);
    }

    String registerConseiller(String communeCode, String mobility) {
        String unique = Long.toHexString(ThreadLocalRandom.current().nextLong());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", "Camille");
        body.put("lastName", "Martin");
        body.put("email", "camille." + unique + "@example.org");
        body.put("communeCode", communeCode);
        body.put("mobility", mobility);
        body.put("availableFrom", LocalDate.now().minusDays(60).toString());
        body.put("jobSeeker", true);
        body.put("digitalMediationDiploma", false);
        body.put("priorExperience", true);
        return as(placement(), Tokens.admin()).body(body).when().post("/conseillers").then().statusCode(201)
                .extract().path("id");
    }

    /** Structure proposes, shortlists and recruits; admin finalizes. Returns the match id. */
    String hire(Structure structure, String postId, String conseillerId, LocalDate start, int months,
            BigDecimal salary) {
        return hire(structure, postId, conseillerId, start, start.plusMonths(months).minusDays(1), salary);
    }

    String hire(Structure structure, String postId, String conseillerId, LocalDate start, LocalDate lastDay,
            BigDecimal salary) {
        String matchId = recruit(structure, postId, conseillerId, start, lastDay, salary);
        finalizeRecruitment(matchId).statusCode(200);
        return matchId;
    }

    /** Structure proposes, shortlists and recruits; the recruitment waits for the admin. Returns the match id. */
    String recruit(Structure structure, String postId, String conseillerId, LocalDate start, LocalDate lastDay,
            BigDecimal salary) {
        String matchId = as(placement(), structure.token()).body(Map.of("postId", postId, "conseillerId", conseillerId))
                .when().post("/matches").then().statusCode(201).extract().path("id");
        as(placement(), structure.token()).body("{}").when().post("/matches/" + matchId + "/shortlist")
                .then().statusCode(200);
        as(placement(), structure.token())
                .body(Map.of("contractType", "CDD", "startDate", start.toString(),
                        "endDate", lastDay.toString(), "grossMonthlySalary", salary,
                        "weeklyHours", 35))
                .when().post("/matches/" + matchId + "/recruit").then().statusCode(200);
        return matchId;
    }

    /** The admin validates the recruitment: the contract starts and placement announces it. */
    ValidatableResponse finalizeRecruitment(String matchId) {
        return as(placement(), Tokens.admin()).body("{}").when().post("/matches/" + matchId + "/finalize").then();
    }

    /** Waits until funding shows the post's tranche of that rank in that status. */
    Map<String, Object> awaitTranche(String postId, int rank, String status) {
        return await().atMost(EVENTUALLY).until(() -> as(funding(), Tokens.finance())
                .queryParam("postId", postId).when().get("/tranches")
                .then().statusCode(200).extract().<List<Map<String, Object>>>path("items").stream()
                .filter(t -> ((Number) t.get("rank")).intValue() == rank && status.equals(t.get("status")))
                .findFirst().orElse(null), tranche -> tranche != null);
    }

    void prefectOpinion(String applicationId, String departement) {
        as(applications(), Tokens.prefet(departement))
                .body(Map.of("opinion", "FAVORABLE", "comment", "Territoire prioritaire, avis favorable"))
                .when().post("/applications/" + applicationId + "/prefect-opinion").then().statusCode(200);
    }

    /** The structure declares a rupture (the date is the last day worked); the admin validates it. */
    void rupture(Structure structure, String matchId, LocalDate lastDay, String reason) {
        as(placement(), structure.token()).body(Map.of("date", lastDay.toString(), "reason", reason,
                "comment", "Démission"))
                .when().post("/matches/" + matchId + "/declare-rupture").then().statusCode(200);
        as(placement(), Tokens.admin()).body("{}").when().post("/matches/" + matchId + "/validate-rupture")
                .then().statusCode(200);
    }

    /** Pays every DUE tranche of the application at its amount; returns how many were paid. */
    int payDueTranches(String applicationId, String referencePrefix) {
        List<Map<String, Object>> due = as(funding(), Tokens.finance()).queryParam("applicationId", applicationId)
                .queryParam("status", "DUE").queryParam("size", 100).when().get("/tranches")
                .then().statusCode(200).extract().path("items");
        for (Map<String, Object> tranche : due) {
            as(funding(), Tokens.finance())
                    .body(Map.of("paidOn", LocalDate.now().toString(), "amount", tranche.get("amount"),
                            "paymentReference", referencePrefix + "-" + tranche.get("id")))
                    .when().post("/tranches/" + tranche.get("id") + "/payment").then().statusCode(200);
        }
        return due.size();
    }

    void evaluateTranches(LocalDate asOf) {
        as(funding(), Tokens.admin()).queryParam("asOf", asOf.toString()).when().post("/admin/tranche-evaluations")
                .then().statusCode(200);
    }

    void endContractsNaturally(LocalDate asOf) {
        as(placement(), Tokens.admin()).queryParam("asOf", asOf.toString()).when().post("/contracts/natural-ends")
                .then().statusCode(200);
    }

    /** Waits until the three services' books of the campaign agree; returns the reconciliation. */
    Map<String, Object> awaitCleanReconciliation(String campaignId) {
        return await().atMost(EVENTUALLY).until(() -> as(applications(), Tokens.admin())
                .when().get("/campaigns/" + campaignId + "/reconciliation")
                .then().statusCode(200).extract().<Map<String, Object>>path(""), r -> Boolean.TRUE.equals(r.get("clean")));
    }

    static RequestSpecification as(ServiceProcess service, String token) {
        return given().baseUri(service.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }
}
