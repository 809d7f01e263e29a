package fr.cnfs.e2e;

import static fr.cnfs.e2e.Programme.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import fr.cnfs.contracts.events.ContractEnded;
import fr.cnfs.contracts.events.ContractStarted;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.devstack.ServiceProcess;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.devstack.TopicProbe;
import io.restassured.path.json.JsonPath;

/**
 * Each fault of the programme's life as a test on the real processes: the broker down, funding killed mid-burst, a
 * replay of every event, poison events, the database restarted under load, and events out of order. After each, the
 * three services' books of the campaign must reconcile. Each test prints its figures ({@code [fault] ...}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final String FUNDING_GROUP = "funding-service";
    private static final String DEAD_LETTERS = Topics.deadLetterOf("funding-service");
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final BigDecimal SALARY = new BigDecimal("1900.00");
    private static final Duration RECOVERY = Duration.ofSeconds(120);

    /** The campaigns of the tests so far: the replay must leave every one of them reconciled. */
    private static final List<String> CAMPAIGNS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final RunningSystem system = RunningSystem.get();
    private final Programme programme = system.programme();
    private final BrokerConsole broker = new BrokerConsole(system.devstack().kafka().bootstrapServers());
    private final TopicProbe probe = new TopicProbe(system.devstack().kafka().bootstrapServers());

    record Approved(String campaignId, Programme.Structure structure, String applicationId, List<String> posts) {
    }

    @Test
    @Order(1)
    void aContractEndedDeliveredBeforeItsStartEndsInTheSameStateAsInOrder() {
        Approved lyon = approvedCampaign(2);
        String inOrderPost = lyon.posts().get(0);
        String reversedPost = lyon.posts().get(1);
        LocalDate lastDay = LocalDate.of(2024, 6, 30);

        String inOrder = programme.hire(lyon.structure(), inOrderPost, adviser(), START, 24, SALARY);
        programme.rupture(lyon.structure(), inOrder, lastDay, "RESIGNATION");
        broker.awaitNoLag(FUNDING_GROUP, List.of(Topics.PLACEMENTS), RECOVERY);

        // Funding is away while placement announces the second post's start and end; the two events then go back on
        // the topic by hand, the end first, and funding's group skips the originals.
        system.funding().stop();
        Map<TopicPartition, Long> before = broker.endOffsets(Topics.PLACEMENTS);
        String reversed = programme.hire(lyon.structure(), reversedPost, adviser(), START, 24, SALARY);
        programme.rupture(lyon.structure(), reversed, lastDay, "RESIGNATION");
        List<ConsumerRecord<String, String>> window = broker.recordsFrom(Topics.PLACEMENTS, before);
        List<ConsumerRecord<String, String>> ofPost = window.stream().filter(r -> reversedPost.equals(r.key())).toList();
        assertEquals(List.of(ContractStarted.TYPE, ContractEnded.TYPE),
                ofPost.stream().map(r -> BrokerConsole.header(r, "ce_type")).toList(), "placement announced start then end");
        broker.moveGroupToEnd(FUNDING_GROUP, Topics.PLACEMENTS);
        List<ConsumerRecord<String, String>> endFirst = new ArrayList<>(ofPost);
        Collections.reverse(endFirst);
        broker.republish(endFirst);
        long recoveryStarted = System.nanoTime();
        system.funding().startAndAwaitReady(RunningSystem.START_TIMEOUT);

        await().atMost(RECOVERY).untilAsserted(() -> assertEquals(fundingStateOf(lyon, inOrderPost),
                fundingStateOf(lyon, reversedPost)));
        Map<String, Object> state = fundingStateOf(lyon, reversedPost);
        assertEquals("VACANT", state.get("status"));
        assertEquals(180, state.get("occupiedDays"));
        programme.awaitCleanReconciliation(lyon.campaignId());
        report("ordering", "2 events published by hand, end first", "2 applied (the end parked until its start)",
                ServiceMetrics.consumed(system.funding(), "duplicate"), recoveryStarted);
    }

    @Test
    @Order(2)
    void poisonEventsGoToTheDeadLetterTopicAndTheEventsAfterThemAreProcessed() {
        Approved lyon = approvedCampaign(1);
        String post = lyon.posts().get(0);
        String malformedId = UUID.randomUUID().toString();
        String unknownPostEventId = UUID.randomUUID().toString();
        UUID unknownPost = UUID.randomUUID();
        // Both on the real post's partition, just before its real contract start.
        probe.publish(Topics.PLACEMENTS, post, "{\"contractId\": \"" + UUID.randomUUID() + "\", \"postId\": ",
                cloudEvent(malformedId, ContractStarted.TYPE, post));
        probe.publish(Topics.PLACEMENTS, post, """
                {"contractId": "%s", "postId": "%s", "applicationId": "%s", "conseillerId": "%s", "siret": "%s",
                 "contractType": "CDD", "startDate": "2024-01-01", "endDate": "2025-12-31",
                 "grossMonthlySalary": 1900.00, "weeklyHours": 35}
                """.formatted(UUID.randomUUID(), unknownPost, lyon.applicationId(), UUID.randomUUID(),
                lyon.structure().siret()), cloudEvent(unknownPostEventId, ContractStarted.TYPE, unknownPost.toString()));
        long started = System.nanoTime();
        programme.hire(lyon.structure(), post, adviser(), START, 24, SALARY);

        programme.awaitTranche(post, 1, "DUE");
        ConsumerRecord<String, String> malformed = probe.await(DEAD_LETTERS,
                r -> malformedId.equals(TopicProbe.header(r, "ce_id")), Duration.ofSeconds(60)).orElseThrow();
        assertTrue(TopicProbe.header(malformed, "dead-letter-reason").contains("not a valid"),
                TopicProbe.header(malformed, "dead-letter-reason"));
        ConsumerRecord<String, String> unknown = probe.await(DEAD_LETTERS,
                r -> unknownPostEventId.equals(TopicProbe.header(r, "ce_id")),
                RunningSystem.PARKING_MAX_WAIT.plusSeconds(60)).orElseThrow();
        assertTrue(TopicProbe.header(unknown, "dead-letter-reason").contains("grant of post " + unknownPost),
                TopicProbe.header(unknown, "dead-letter-reason"));
        List<String> listed = as(system.funding(), Tokens.admin()).queryParam("size", 100).when()
                .get("/admin/dead-letters").then().statusCode(200).extract().path("items.eventKey");
        assertTrue(listed.contains(malformedId), "the operator sees the malformed event: " + listed);
        programme.awaitCleanReconciliation(lyon.campaignId());
        report("poison", "2 poison events + 1 real ContractStarted", "2 dead-lettered with a reason, T1 due for the real one",
                ServiceMetrics.consumed(system.funding(), "duplicate"), started);
    }

    @Test
    @Order(3)
    void withTheBrokerDownTheApisCommitAndEveryEventArrivesWhenItReturns() {
        Approved first = approvedCampaign(4);
        List<String> matches = new ArrayList<>();
        for (String post : first.posts()) {
            matches.add(programme.recruit(first.structure(), post, adviser(), START, START.plusMonths(24).minusDays(1),
                    SALARY));
        }
        String second = programme.applyAndStartReview(first.structure(), first.campaignId(), 3, 24);
        programme.prefectOpinion(second, "69");
        long publishedBefore = publishedByAll();

        system.devstack().kafka().stop();
        try {
            programme.approve(second, 3, "COSELEC 8").statusCode(200);
            matches.forEach(match -> programme.finalizeRecruitment(match).statusCode(200));
            as(system.applications(), Tokens.instructeur()).when().get("/applications/" + second).then()
                    .statusCode(200).body("status", equalTo("APPROVED"));
            as(system.placement(), Tokens.admin()).when().get("/matches/" + matches.get(0)).then()
                    .statusCode(200).body("state", equalTo("FINALIZED"));
        } finally {
            system.devstack().kafka().start();
        }
        long recoveryStarted = System.nanoTime();

        List<String> secondPosts = programme.awaitPosts(second, 3);
        programme.awaitGrant(second);
        first.posts().forEach(post -> programme.awaitTranche(post, 1, "DUE"));
        secondPosts.forEach(post -> programme.awaitTranche(post, 1, "PLANNED"));
        programme.awaitCleanReconciliation(first.campaignId());
        report("broker down", "1 approval + 4 contract starts committed while down; "
                + (publishedByAll() - publishedBefore) + " events published after", "3 posts, 1 grant, 4 T1 due",
                ServiceMetrics.consumed(system.funding(), "duplicate"), recoveryStarted);
    }

    @Test
    @Order(4)
    void fundingKilledDuringABurstOfContractStartsAppliesEachExactlyOnce() {
        int burst = 30;
        Approved lyon = approvedCampaign(burst);
        List<String> matches = new ArrayList<>();
        for (String post : lyon.posts()) {
            matches.add(programme.recruit(lyon.structure(), post, adviser(), START, START.plusMonths(24).minusDays(1),
                    SALARY));
        }
        broker.awaitNoLag(FUNDING_GROUP, List.of(Topics.PLACEMENTS), RECOVERY);
        system.funding().stop();
        matches.forEach(match -> programme.finalizeRecruitment(match).statusCode(200));

        // Funding comes back to a backlog of 30 ContractStarted; it is killed as soon as some, not all, are applied.
        system.funding().start();
        // Killed as soon as it has applied some of the backlog, not all of it.
        int appliedAtKill = await().atMost(RunningSystem.START_TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> dueFirstTranchesWhileStarting(lyon.applicationId()), due -> due > 0);
        system.funding().kill();
        assertTrue(appliedAtKill > 0, "funding applied nothing before it was killed");
        long recoveryStarted = System.nanoTime();
        system.funding().startAndAwaitReady(RunningSystem.START_TIMEOUT);

        await().atMost(RECOVERY).until(() -> dueFirstTranches(lyon.applicationId()) == burst);
        broker.awaitNoLag(FUNDING_GROUP, List.of(Topics.PLACEMENTS), RECOVERY);
        for (String post : lyon.posts()) {
            List<Integer> ranks = as(system.funding(), Tokens.finance()).queryParam("postId", post).when()
                    .get("/tranches").then().statusCode(200).extract().path("items.rank");
            assertEquals(List.of(1, 2, 3), ranks.stream().sorted().toList(), "one tranche of each rank on " + post);
        }
        assertEquals(burst, dueFirstTranches(lyon.applicationId()));
        programme.awaitCleanReconciliation(lyon.campaignId());
        report("service killed", burst + " ContractStarted; killed after " + appliedAtKill + " T1 due",
                burst + " T1 due, " + (3 * burst) + " tranches, each once",
                ServiceMetrics.consumed(system.funding(), "duplicate"), recoveryStarted);
    }

    @Test
    @Order(5)
    void aReplayOfEveryEventChangesNothing() {
        broker.awaitNoLag(FUNDING_GROUP, List.of(Topics.APPLICATIONS, Topics.PLACEMENTS), RECOVERY);
        Map<String, Object> before = fundingBooks();
        long records = broker.endOffsets(Topics.APPLICATIONS).values().stream().mapToLong(Long::longValue).sum()
                + broker.endOffsets(Topics.PLACEMENTS).values().stream().mapToLong(Long::longValue).sum();

        system.funding().stop();
        broker.resetGroupToEarliest(FUNDING_GROUP, List.of(Topics.APPLICATIONS, Topics.PLACEMENTS));
        long recoveryStarted = System.nanoTime();
        system.funding().startAndAwaitReady(RunningSystem.START_TIMEOUT);
        broker.awaitNoLag(FUNDING_GROUP, List.of(Topics.APPLICATIONS, Topics.PLACEMENTS), RECOVERY);

        assertEquals(before, fundingBooks());
        long duplicates = ServiceMetrics.consumed(system.funding(), "duplicate");
        assertEquals(0, ServiceMetrics.consumed(system.funding(), "applied"), "a replayed event was applied again");
        assertTrue(duplicates > 0, "the replay reached funding");
        CAMPAIGNS.forEach(programme::awaitCleanReconciliation);
        report("replay", records + " records replayed from the earliest offsets",
                "0 applied, " + ServiceMetrics.consumed(system.funding(), "dead_lettered") + " dead-lettered again",
                duplicates, recoveryStarted);
    }

    @Test
    @Order(6)
    void aDatabaseRestartUnderLoadAnswers503AndLosesNothingCommitted() throws Exception {
        Approved lyon = approvedCampaign(1);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> leaks = new ConcurrentLinkedQueue<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(3);
        for (int worker = 0; worker < 3; worker++) {
            load.submit(() -> {
                while (loading.get()) {
                    var response = as(system.placement(), Tokens.admin()).body(adviserBody()).when().post("/conseillers");
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    if (response.statusCode() == 201) {
                        created.add(response.path("id"));
                    } else if (response.statusCode() >= 500 && response.statusCode() != 503
                            || response.asString().contains("Exception")) {
                        leaks.add(response.statusCode() + " " + response.asString());
                    }
                    var read = as(system.funding(), Tokens.finance()).when().get("/grants");
                    statuses.merge(read.statusCode(), 1, Integer::sum);
                }
                return null;
            });
        }
        // The load runs before the outage: advisers are being created.
        await().atMost(RECOVERY).until(() -> created.size() >= 20);
        long outage = System.nanoTime();
        Set<String> sawNotReady = ConcurrentHashMap.newKeySet();
        system.devstack().postgres().stopServer();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                system.services().stream().filter(service -> !service.isReady())
                        .forEach(service -> sawNotReady.add(service.name()));
                return sawNotReady.size() == system.services().size();
            });
            // The load meets the outage: requests are answered 503 while the database is away.
            await().atMost(Duration.ofSeconds(60)).until(() -> statuses.getOrDefault(503, 0) >= 5);
        } finally {
            system.devstack().postgres().startServer();
        }
        long recoveryStarted = System.nanoTime();
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(200))
                .until(() -> system.services().stream().allMatch(ServiceProcess::isReady));
        long backAfter = System.nanoTime();
        // The load goes on after the restart: new advisers are created again.
        int createdBeforeRestart = created.size();
        await().atMost(RECOVERY).until(() -> created.size() >= createdBeforeRestart + 20);
        loading.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(60, TimeUnit.SECONDS));

        assertTrue(leaks.isEmpty(), "answers during the outage: " + leaks);
        assertTrue(statuses.keySet().stream().allMatch(status -> status == 200 || status == 201 || status == 503),
                "statuses: " + statuses);
        assertTrue(statuses.getOrDefault(503, 0) > 0, "the outage was seen: " + statuses);
        for (String id : created) {
            as(system.placement(), Tokens.admin()).when().get("/conseillers/" + id).then().statusCode(200);
        }
        // The system works on after the outage, events included.
        programme.hire(lyon.structure(), lyon.posts().get(0), adviser(), START, 24, SALARY);
        programme.awaitTranche(lyon.posts().get(0), 1, "DUE");
        programme.awaitCleanReconciliation(lyon.campaignId());
        System.out.printf("[fault] database restart: %d requests (%s), %d advisers created, all found after; "
                + "not ready within the outage: %s; ready again %d ms after PostgreSQL started (outage %d ms)%n",
                statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses, created.size(), sawNotReady,
                (backAfter - recoveryStarted) / 1_000_000, (recoveryStarted - outage) / 1_000_000);
    }

    private Approved approvedCampaign(int posts) {
        String campaignId = programme.openCampaign("AMI faults " + UUID.randomUUID(), 50);
        Programme.Structure lyon = programme.registerStructure("216901231", "Commune de Lyon", "COMMUNE", "69123");
        String application = programme.applyAndStartReview(lyon, campaignId, posts, 24);
        programme.prefectOpinion(application, "69");
        programme.approve(application, posts, "COSELEC 7").statusCode(200);
        programme.awaitGrant(application);
        CAMPAIGNS.add(campaignId);
        return new Approved(campaignId, lyon, application, programme.awaitPosts(application, posts));
    }

    private String adviser() {
        return programme.registerConseiller("69123", "COMMUNE");
    }

    private static Map<String, Object> adviserBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", "Camille");
        body.put("lastName", "Martin");
        body.put("email", "camille." + UUID.randomUUID() + "@example.org");
        // Marseille: the load leaves these advisers in the pool, away from the Lyon posts of the other tests.
        body.put("communeCode", "13055");
        body.put("mobility", "COMMUNE");
        body.put("availableFrom", LocalDate.now().toString());
        body.put("jobSeeker", true);
        body.put("digitalMediationDiploma", false);
        body.put("priorExperience", true);
        return body;
    }

    /** What funding knows of a post, without its ids: status, occupation, tranches, contracts. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fundingStateOf(Approved approved, String postId) {
        String grantId = (String) programme.awaitGrant(approved.applicationId()).get("id");
        JsonPath grant = as(system.funding(), Tokens.finance()).when().get("/grants/" + grantId).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> post = new LinkedHashMap<>(grant.getMap("posts.find { it.postId == '" + postId + "' }"));
        post.remove("postId");
        post.put("tranches", ((List<Map<String, Object>>) post.get("tranches")).stream()
                .map(t -> t.get("rank") + " " + t.get("status") + " " + t.get("amount")).sorted().toList());
        post.put("contracts", ((List<Map<String, Object>>) post.get("contracts")).stream()
                .map(c -> c.get("startDate") + ".." + c.get("endDate") + " " + c.get("endReason") + " "
                        + c.get("occupiedDays"))
                .toList());
        return post;
    }

    private int dueFirstTranches(String applicationId) {
        return as(system.funding(), Tokens.finance()).queryParam("applicationId", applicationId)
                .queryParam("status", "DUE").when().get("/tranches").then().statusCode(200)
                .extract().path("totalItems");
    }

    /** As {@link #dueFirstTranches}, or 0 while funding does not answer yet. */
    private int dueFirstTranchesWhileStarting(String applicationId) {
        try {
            return dueFirstTranches(applicationId);
        } catch (AssertionError | Exception notYet) { // connection refused arrives unchecked, through Groovy
            return 0;
        }
    }

    /** Funding's whole books: the budget over every campaign and the counts of what it holds. */
    private Map<String, Object> fundingBooks() {
        Map<String, Object> books = new LinkedHashMap<>(as(system.funding(), Tokens.finance()).when()
                .get("/reports/budget").then().statusCode(200).extract().<Map<String, Object>>path(""));
        books.remove("asOf");
        for (String status : List.of("PLANNED", "DUE", "PAID", "CANCELLED")) {
            books.put("tranches " + status, as(system.funding(), Tokens.finance()).queryParam("status", status).when()
                    .get("/tranches").then().statusCode(200).extract().path("totalItems"));
        }
        books.put("grants", as(system.funding(), Tokens.finance()).when().get("/grants").then().statusCode(200)
                .extract().path("totalItems"));
        books.put("recoveries", as(system.funding(), Tokens.finance()).when().get("/recoveries").then().statusCode(200)
                .extract().path("totalItems"));
        return books;
    }

    private long publishedByAll() {
        return system.services().stream().mapToLong(ServiceMetrics::published).sum();
    }

    private static Map<String, String> cloudEvent(String id, String type, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_type", type);
        headers.put("ce_source", "/e2e/faults");
        headers.put("ce_time", java.time.Instant.now().toString());
        headers.put("ce_subject", subject);
        headers.put("content-type", "application/json");
        return headers;
    }

    private static void report(String fault, String sent, String received, long duplicates, long recoveryStartedNanos) {
        System.out.printf("[fault] %s: sent %s; received %s; duplicates seen and ignored %d; recovered in %d ms%n",
                fault, sent, received, duplicates, (System.nanoTime() - recoveryStartedNanos) / 1_000_000);
    }

}
