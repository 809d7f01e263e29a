package fr.cnfs.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.GrantAwarded;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.devstack.Launcher;
import fr.cnfs.devstack.PrometheusScrape;
import fr.cnfs.devstack.ServiceProcess;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.devstack.TopicProbe;

/**
 * What ops see of the packaged services (prod profile): the business metrics moving with a story, the correlation id
 * travelling from a request to the events it causes in another service, JSON logs, and alert rules that only name
 * metrics the services expose. The metrics sample is written to target/business-metrics.txt.
 */
class OperationsIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("cnfs.repository.root", "..")).toAbsolutePath().normalize();
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final Duration GAUGE_REFRESH = RunningSystem.BUSINESS_GAUGE_REFRESH;

    private static RunningSystem system;
    private static Programme programme;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
        programme = system.programme();
    }

    @Test
    void theBusinessMetricsOfEveryServiceFollowAStory() throws IOException, InterruptedException {
        // The gauges are read from the databases every 5 s here (CNFS_METRICS_BUSINESS_REFRESH): wait until what
        // earlier tests did shows, i.e. two readings more than a refresh apart agree.
        AtomicReference<String> settled = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(GAUGE_REFRESH.plusSeconds(1)).until(() -> {
            String now = sample(system.applications(), "cnfs_applications", "status", "APPROVED") + " "
                    + sample(system.placement(), "cnfs_posts", "state", "VACANT") + " "
                    + sample(system.placement(), "cnfs_posts", "state", "OCCUPIED") + " "
                    + sample(system.funding(), "cnfs_tranches", "status", "PAID") + " "
                    + sample(system.funding(), "cnfs_tranches_amount_euros", "status", "PLANNED");
            return now.equals(settled.getAndSet(now));
        });
        double approvedBefore = sample(system.applications(), "cnfs_applications", "status", "APPROVED");
        double vacantBefore = sample(system.placement(), "cnfs_posts", "state", "VACANT");
        double occupiedBefore = sample(system.placement(), "cnfs_posts", "state", "OCCUPIED");
        double paidBefore = sample(system.funding(), "cnfs_tranches", "status", "PAID");
        double paidEurosBefore = sample(system.funding(), "cnfs_tranches_amount_euros", "status", "PAID");
        double plannedEurosBefore = sample(system.funding(), "cnfs_tranches_amount_euros", "status", "PLANNED");

        // Lyon, public, two posts for 24 months (2 × €50,000); one adviser hired 20 days ago makes T1 (€25,000) due.
        var lyon = programme.registerStructure("216901231", "Commune de Lyon", "COMMUNE", "69123");
        String campaignId = programme.openCampaign("AMI operations " + UUID.randomUUID(), 100);
        String applicationId = programme.applyAndStartReview(lyon, campaignId, 2, 24);
        List<String> postIds = programme.approve(applicationId, 2, "COSELEC 901").statusCode(200).extract().path("postIds");
        programme.awaitGrant(applicationId);
        programme.awaitPosts(applicationId, 2);
        programme.hire(lyon, postIds.get(0), programme.registerConseiller("69123", "COMMUNE"), LocalDate.now().minusDays(20),
                24, new BigDecimal("1900.00"));
        programme.awaitTranche(postIds.get(0), 1, "DUE");
        assertEquals(1, programme.payDueTranches(applicationId, "ASP-OPS"));

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertEquals(approvedBefore + 1, sample(system.applications(), "cnfs_applications", "status", "APPROVED"));
            assertEquals(vacantBefore + 1, sample(system.placement(), "cnfs_posts", "state", "VACANT"));
            assertEquals(occupiedBefore + 1, sample(system.placement(), "cnfs_posts", "state", "OCCUPIED"));
            assertEquals(paidBefore + 1, sample(system.funding(), "cnfs_tranches", "status", "PAID"));
            assertEquals(paidEurosBefore + 25_000, sample(system.funding(), "cnfs_tranches_amount_euros", "status", "PAID"), 0.001);
            // T2 and T3 of both posts, and T1 of the vacant one, are still planned: 100,000 − 25,000.
            assertEquals(plannedEurosBefore + 75_000, sample(system.funding(), "cnfs_tranches_amount_euros", "status", "PLANNED"), 0.001);
        });
        for (ServiceProcess service : List.of(system.applications(), system.funding(), system.placement())) {
            String metrics = scrape(service);
            assertTrue(PrometheusScrape.value(metrics, "cnfs_outbox_pending").isPresent(), service.name());
            assertTrue(PrometheusScrape.value(metrics, "cnfs_dead_letters").isPresent(), service.name());
            assertTrue(PrometheusScrape.value(metrics, "cnfs_events_published_total").orElse(0) > 0, service.name());
        }
        assertTrue(PrometheusScrape.value(scrape(system.funding()), "cnfs_events_consumed_total",
                "type", ApplicationApproved.TYPE, "outcome", "applied").orElse(0) >= 1);

        StringBuilder sample = new StringBuilder();
        for (ServiceProcess service : List.of(system.applications(), system.funding(), system.placement())) {
            sample.append("# ").append(service.name()).append(" /q/metrics | grep '^cnfs_'\n");
            scrape(service).lines().filter(line -> line.startsWith("cnfs_")).forEach(line -> sample.append(line).append('\n'));
        }
        Files.writeString(Path.of("target", "business-metrics.txt"), sample);
        System.out.print(sample);
    }

    @Test
    void aRequestsCorrelationIdReachesTheEventsItCausesInAnotherServiceAndTheJsonLogs() throws IOException {
        var lyon = programme.registerStructure("216901231", "Commune de Lyon", "COMMUNE", "69123");
        String campaignId = programme.openCampaign("AMI correlation " + UUID.randomUUID(), 100);
        String applicationId = programme.applyAndStartReview(lyon, campaignId, 1, 24);
        String correlationId = "ops-" + UUID.randomUUID();
        Programme.as(system.applications(), Tokens.instructeur()).header("X-Correlation-Id", correlationId)
                .body(Map.of("postsGranted", 1, "decisionNumber", "COSELEC 902"))
                .when().post("/applications/" + applicationId + "/approve")
                .then().statusCode(200).header("X-Correlation-Id", correlationId);

        TopicProbe topics = new TopicProbe(system.devstack().kafka().bootstrapServers());
        var approved = topics.await(Topics.APPLICATIONS, r -> applicationId.equals(r.key())
                && ApplicationApproved.TYPE.equals(TopicProbe.header(r, "ce_type")), EVENTUALLY).orElseThrow();
        assertEquals(correlationId, TopicProbe.header(approved, "ce_correlationid"));
        // funding-service consumed the approval and published GrantAwarded under the same id.
        var awarded = topics.await(Topics.FUNDING, r -> GrantAwarded.TYPE.equals(TopicProbe.header(r, "ce_type"))
                && r.value().contains(applicationId), EVENTUALLY).orElseThrow();
        assertEquals(correlationId, TopicProbe.header(awarded, "ce_correlationid"));

        JsonNode logged = await().atMost(EVENTUALLY).until(() -> linesOf(system.applications()).stream()
                .filter(line -> correlationId.equals(line.at("/mdc/correlationId").asText())).findFirst().orElse(null),
                line -> line != null);
        assertEquals("applications-service", logged.path("service").asText());
        assertFalse(logged.path("level").asText().isEmpty());
        assertFalse(logged.path("timestamp").asText().isEmpty());
    }

    @Test
    void partnersSubscribeToAnEventWhereItIsPublishedAndNowhereElse() {
        Map<String, Object> trancheDue = Map.of("url", "https://paying-agency.example/hooks/cnfs",
                "eventTypes", List.of("fr.cnfs.tranche.due.v1"), "secret", "a-long-shared-secret-for-the-agency");
        Programme.as(system.applications(), Tokens.admin()).body(trancheDue).when().post("/webhooks")
                .then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("eventTypes"));
        Programme.as(system.placement(), Tokens.admin()).body(trancheDue).when().post("/webhooks").then().statusCode(400);
        String subscription = Programme.as(system.funding(), Tokens.admin()).body(trancheDue).when().post("/webhooks")
                .then().statusCode(201).extract().path("id");
        Programme.as(system.funding(), Tokens.admin()).when().delete("/webhooks/" + subscription).then().statusCode(204);
    }

    @Test
    void everyEventTypeIsOfferedToPartnersByExactlyOneService() throws IOException {
        List<String> offered = new ArrayList<>();
        for (String service : List.of("applications-service", "funding-service", "placement-service")) {
            java.util.Properties settings = new java.util.Properties();
            try (var reader = Files.newBufferedReader(REPOSITORY.resolve(service).resolve("src/main/resources/application.properties"))) {
                settings.load(reader);
            }
            offered.addAll(List.of(settings.getProperty("cnfs.webhooks.published-types", "").split(",")));
        }
        assertEquals(fr.cnfs.contracts.events.EventCatalog.eventTypes().stream().sorted().toList(),
                offered.stream().sorted().toList());
    }

    @Test
    void everyServiceRunsOnAClassDataArchiveWithTwoMallocArenas() throws IOException {
        for (ServiceProcess service : system.services()) {
            String module = service.name().replaceAll("-\\d+$", "");
            assertTrue(Files.isRegularFile(REPOSITORY.resolve(module).resolve("target/quarkus-app")
                    .resolve(ServiceProcess.CLASS_DATA_ARCHIVE)), module + ": no archive written by ./mvnw package");
            Path archive = service.classDataArchiveInUse().orElseThrow();
            assertMaps(service, archive);
            String environment = Files.readString(Path.of("/proc", String.valueOf(service.pid()), "environ"));
            assertTrue(List.of(environment.split("\0")).contains("MALLOC_ARENA_MAX=2"), service.name());
        }
    }

    @Test
    void aTrainingRunWritesAClassDataArchiveThatTheNextStartMaps() throws IOException {
        Path quarkusApp = REPOSITORY.resolve("funding-service/target/quarkus-app");
        Path trained = quarkusApp.resolve(ServiceProcess.TRAINED_CLASS_DATA_ARCHIVE);
        // A developer's own trained archive (bench/run.sh writes one) is put back afterwards.
        Path kept = quarkusApp.resolve(ServiceProcess.TRAINED_CLASS_DATA_ARCHIVE + ".kept-by-test");
        if (Files.exists(trained)) {
            Files.move(trained, kept);
        }
        ServiceProcess training = system.unmanagedInstance("funding", 3).recordingClassData();
        ServiceProcess next = system.unmanagedInstance("funding", 4);
        try {
            training.startAndAwaitReady(RunningSystem.START_TIMEOUT);
            assertTrue(training.classDataArchiveInUse().isEmpty(), "a training run maps no archive");
            Programme.as(training, Tokens.finance()).when().get("/funding-rules")
                    .then().statusCode(200);
            training.stop();
            assertTrue(Files.isRegularFile(trained), "the training run's archive was not kept");
            assertFalse(Files.exists(quarkusApp.resolve(ServiceProcess.TRAINED_CLASS_DATA_ARCHIVE + ".part")));
            assertEquals(trained, ServiceProcess.classDataArchive(REPOSITORY, "funding-service").orElseThrow());

            next.startAndAwaitReady(RunningSystem.START_TIMEOUT);
            assertEquals(trained, next.classDataArchiveInUse().orElseThrow());
            assertMaps(next, trained);
        } finally {
            training.kill();
            next.stop();
            Files.deleteIfExists(trained);
            if (Files.exists(kept)) {
                Files.move(kept, trained);
            }
        }
    }

    /** The JVM maps an archive only when it accepts it (same JDK, same jars); otherwise it starts without, slower. */
    @Test
    void concurrentRequestsBeyondTheWorkerThreadsWaitInLineAndAllAnswer() throws Exception {
        ServiceProcess applications = system.applications();
        int requests = 4 * Launcher.WORKER_THREADS;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return Programme.as(applications, Tokens.instructeur()).queryParam("size", 100)
                            .when().get("/applications").statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        // Quarkus's default would have started a worker thread for nearly every request in flight.
        assertTrue(workerThreads(applications) <= Launcher.WORKER_THREADS,
                workerThreads(applications) + " worker threads");
    }

    @Test
    void aServiceThatIsStoppingRunsNoMoreScheduledJobs() throws IOException {
        // Funding sweeps its parked events every 2 s here. Its stop lasts several seconds (its Kafka consumers leave
        // their group one by one), and Hibernate closes early in it: each sweep in that window logged an ERROR.
        ServiceProcess instance = system.unmanagedInstance("funding", 5);
        long logStart = Files.exists(instance.logFile()) ? Files.size(instance.logFile()) : 0;
        try {
            instance.startAndAwaitReady(RunningSystem.START_TIMEOUT);
        } finally {
            instance.stop();
        }
        String log;
        try (InputStream in = Files.newInputStream(instance.logFile())) {
            in.skipNBytes(logStart);
            log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(log.contains("funding-service stopped in"),
                "not a graceful stop:\n" + log.substring(Math.max(0, log.length() - 2_000)));
        String jobFailure = "Error occurred while executing task";
        assertFalse(log.contains(jobFailure),
                log.lines().filter(line -> line.contains(jobFailure)).findFirst().orElse(""));
    }

    private static long workerThreads(ServiceProcess service) throws IOException {
        try (var threads = Files.list(Path.of("/proc", String.valueOf(service.pid()), "task"))) {
            return threads.filter(thread -> {
                try {
                    return Files.readString(thread.resolve("comm")).startsWith("executor-thread");
                } catch (IOException ended) {
                    return false;
                }
            }).count();
        }
    }

    private static void assertMaps(ServiceProcess service, Path archive) throws IOException {
        List<String> maps = Files.readAllLines(Path.of("/proc", String.valueOf(service.pid()), "maps"));
        assertTrue(maps.stream().anyMatch(line -> line.endsWith(archive.toString())),
                service.name() + " did not map " + archive);
    }

    @Test
    void theProductionLogsAreJsonLines() throws IOException {
        for (ServiceProcess service : system.services()) {
            List<JsonNode> lines = linesOf(service);
            assertFalse(lines.isEmpty(), service.name());
            for (JsonNode line : lines) {
                assertTrue(line.has("timestamp") && line.has("level") && line.has("message"), line.toString());
                assertEquals(service.name().replaceAll("-\\d+$", ""), line.path("service").asText(), line.toString());
            }
        }
    }

    @Test
    void everyAlertRuleIsWellFormedAndNamesOnlyMetricsTheServicesExpose() throws IOException {
        Map<String, Object> rules;
        try (InputStream file = Files.newInputStream(REPOSITORY.resolve("deploy/prometheus/alerts.yml"))) {
            rules = new Yaml().load(file);
        }
        String runbook = Files.readString(REPOSITORY.resolve("docs/operations.md"));
        Set<String> anchors = Pattern.compile("(?m)^#+ (.+)$").matcher(runbook).results()
                .map(heading -> heading.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
        Map<String, String> exposed = new LinkedHashMap<>();
        for (ServiceProcess service : List.of(system.applications(), system.funding(), system.placement())) {
            for (String line : scrape(service).lines().filter(l -> !l.startsWith("#")).toList()) {
                exposed.putIfAbsent(line.split("[{ ]")[0], service.name());
            }
        }

        List<String> problems = new ArrayList<>();
        int count = 0;
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
        for (Map<String, Object> group : groups) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> groupRules = (List<Map<String, Object>>) group.get("rules");
            for (Map<String, Object> rule : groupRules) {
                count++;
                String alert = String.valueOf(rule.get("alert"));
                @SuppressWarnings("unchecked")
                Map<String, Object> labels = (Map<String, Object>) rule.getOrDefault("labels", Map.of());
                @SuppressWarnings("unchecked")
                Map<String, Object> annotations = (Map<String, Object>) rule.getOrDefault("annotations", Map.of());
                if (!Set.of("critical", "warning", "info").contains(String.valueOf(labels.get("severity")))) {
                    problems.add(alert + ": severity " + labels.get("severity"));
                }
                if (!(annotations.get("summary") instanceof String)) {
                    problems.add(alert + ": no summary");
                }
                String runbookUrl = String.valueOf(annotations.get("runbook_url"));
                if (!runbookUrl.startsWith("docs/operations.md#") || !anchors.contains(runbookUrl.substring(runbookUrl.indexOf('#') + 1))
                        || !runbookUrl.endsWith("#" + alert.toLowerCase(Locale.ROOT))) {
                    problems.add(alert + ": runbook_url " + runbookUrl + " is not its section of docs/operations.md");
                }
                for (String metric : metricsNamedIn(String.valueOf(rule.get("expr")))) {
                    if (!metric.equals("up") && !exposed.containsKey(metric)) {
                        problems.add(alert + ": no service exposes " + metric);
                    }
                }
            }
        }
        assertTrue(count >= 10, "only " + count + " alert rules");
        assertEquals(List.of(), problems);
    }

    @Test
    void theRunbookDocumentsEveryVariableTheDeploymentsSet() throws IOException {
        String runbook = Files.readString(REPOSITORY.resolve("docs/operations.md"));
        Set<String> variables = new LinkedHashSet<>();
        Matcher environment = Pattern.compile("(?m)^\\s+([A-Z][A-Z0-9_]+):").matcher(Files.readString(REPOSITORY.resolve("docker-compose.yml")));
        while (environment.find()) {
            variables.add(environment.group(1));
        }
        Matcher dotEnv = Pattern.compile("(?m)^([A-Z][A-Z0-9_]+)=").matcher(Files.readString(REPOSITORY.resolve(".env.example")));
        while (dotEnv.find()) {
            variables.add(dotEnv.group(1));
        }
        for (String service : List.of("applications-service", "funding-service", "placement-service")) {
            Matcher configMap = Pattern.compile("(?m)^  ([A-Z][A-Z0-9_]+):")
                    .matcher(Files.readString(REPOSITORY.resolve("deploy/kubernetes/" + service + ".yml")));
            while (configMap.find()) {
                variables.add(configMap.group(1));
            }
        }
        // The compose file's own keys (postgres, kafka images' variables) are theirs, not ours.
        variables.removeIf(name -> name.startsWith("KAFKA_") && !name.equals("KAFKA_BOOTSTRAP_SERVERS")
                || name.startsWith("POSTGRES_") && !name.equals("POSTGRES_PASSWORD"));
        assertTrue(variables.contains("CNFS_APPLICATIONS_RECONCILIATION_PLACEMENT_URL"), variables.toString());
        List<String> undocumented = variables.stream().filter(name -> !runbook.contains("`" + name + "`")).toList();
        assertEquals(List.of(), undocumented, "variables missing from docs/operations.md");
    }

    /** The metric names of a PromQL expression: labels, ranges, strings, functions and keywords taken out. */
    static Set<String> metricsNamedIn(String expression) {
        String bare = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*\\}", " ")
                .replaceAll("\\[[^\\]]*\\]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> keywords = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring");
        Set<String> metrics = new LinkedHashSet<>();
        Matcher token = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?").matcher(bare);
        while (token.find()) {
            if (token.group(2) == null && !keywords.contains(token.group(1))) {
                metrics.add(token.group(1));
            }
        }
        return metrics;
    }

    private List<JsonNode> linesOf(ServiceProcess service) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        String[] written = Files.readString(service.logFile()).split("\n", -1);
        // The last piece is empty, or a line the service is still writing.
        for (int i = 0; i < written.length - 1; i++) {
            if (!written[i].isBlank()) {
                lines.add(json.readTree(written[i]));
            }
        }
        return lines;
    }

    private static String scrape(ServiceProcess service) {
        return given().baseUri(service.baseUrl()).when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** A sample's value; waits for the first reading of a gauge from the database after the service started. */
    private static double sample(ServiceProcess service, String metric, String... labels) {
        return await().atMost(EVENTUALLY).until(() -> PrometheusScrape.value(scrape(service), metric, labels),
                value -> value.isPresent()).getAsDouble();
    }
}
