package fr.cnfs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import fr.cnfs.devstack.Devstack;
import fr.cnfs.devstack.DevstackSettings;
import fr.cnfs.devstack.FreePorts;
import fr.cnfs.devstack.Launcher;
import fr.cnfs.devstack.Launcher.ServiceSpec;
import fr.cnfs.devstack.ServiceProcess;

/**
 * The benchmark kit: devstack and the three packaged services (as the run command starts them, on free ports and
 * with databases of their own), the data, the scenarios of issue 8, pgbench, and the results file.
 */
public final class Bench {

    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    static final Duration EVENTUALLY = Duration.ofMinutes(15);
    /** Keys per query of {@link #awaitEach}. */
    private static final int POLL_BATCH = 100;
    /** The warm-up's unit of load, after which it looks at the JIT compiler. */
    static final Duration WARM_UP_SLICE = Duration.ofSeconds(10);
    /** A share of one core: a service whose compiler threads use more than this is still compiling its hot paths. */
    static final double COMPILING = 0.05;

    private final Options options;
    private final Report report;
    private final Devstack devstack;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Api api = new Api();
    private Endpoints endpoints;
    private Connection applicationsDb;
    private Connection fundingDb;
    private Connection placementDb;
    private Seeder seeder;

    private List<String> templateStructures;
    private List<String> templateConseillers;
    private List<Seeder.BulkStructure> bulkStructures;
    private String bulkCampaign;
    private List<String> bulkApplications;
    private String candidatePost;
    private double postThroughput = Double.NaN;
    private double programmeWall = Double.NaN;
    /** A training run: the services write their class-data archives when they stop. */
    private final boolean recordClassData;

    private Bench(Options options, Report report, Devstack devstack, boolean recordClassData) {
        this.options = options;
        this.report = report;
        this.devstack = devstack;
        this.recordClassData = recordClassData;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = new Report(options);
        report.load("before start");
        report.cpuBeforeStart();
        Path home = options.repository().resolve("target/bench");
        if (options.trainClassData()) {
            trainClassData(options, home);
        }
        log("Starting devstack (PostgreSQL check, Kafka broker) in " + home);
        // The databases are recreated: the topics must start empty too, or the services would spend the run consuming
        // (and dead-lettering) the events of the previous one.
        Devstack devstack = Devstack.startWithEmptyTopics(home, DevstackSettings.forTests(System.getenv()));
        Bench bench = new Bench(options, report, devstack, false);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopEverything, "bench-shutdown"));
        try {
            bench.run();
            report.complete();
        } catch (RuntimeException | SQLException e) {
            report.note("The run stopped early: " + e);
            e.printStackTrace();
        } finally {
            report.load("end");
            Path file = report.write();
            log("Results written to " + file);
        }
        bench.stopEverything();
        System.exit(0);
    }

    /**
     * Unless every service already has one newer than its jar, a short run of every scenario with the services
     * recording the classes they load: at their stop each writes the class-data archive the measured run then maps.
     * Its figures are not kept. If it fails, the measured run uses the build's archives, and the report says so.
     */
    private static void trainClassData(Options options, Path home) {
        boolean trained = ServiceSpec.ALL.stream().allMatch(spec -> ServiceProcess.classDataArchive(options.repository(),
                spec.module()).filter(archive -> archive.endsWith(ServiceProcess.TRAINED_CLASS_DATA_ARCHIVE)).isPresent());
        if (trained) {
            log("Every service has a class-data archive of a training run newer than its jar: no training run");
            return;
        }
        log("Training run (figures not kept): the services record the classes they load, for their class-data archives");
        Devstack devstack = Devstack.startWithEmptyTopics(home, DevstackSettings.forTests(System.getenv()));
        Bench training = new Bench(options.forTraining(), Report.discarded(options), devstack, true);
        try {
            training.run();
        } catch (Exception e) {
            log("The training run failed, the build's class-data archives stay in use: " + e);
        } finally {
            training.stopEverything();
            try {
                training.closeDatabases();
            } catch (SQLException e) {
                log("Closing the training run's connections: " + e);
            }
        }
    }

    private void run() throws Exception {
        startServices();
        connectDatabases();
        seed();
        report.load("after seeding");

        if (options.runs("get")) {
            getById();
            report.write();
        }
        if (options.runs("page")) {
            filteredPage();
            report.write();
        }
        if (options.runs("post")) {
            create();
            report.write();
        }
        if (options.runs("candidates")) {
            candidates();
            report.write();
        }
        if (options.runs("export")) {
            csvExport();
            report.write();
        }
        report.load("after the HTTP scenarios");
        if (options.runs("latency")) {
            eventLatency();
            report.write();
        }
        if (options.programmeRuns() > 0 && options.runs("programme")) {
            programme();
            report.load("after the programme runs");
            residentMemory("after the programme runs");
        } else {
            report.row("**programme run**", "wall time s", "≤ 60", "not run", null);
            residentMemory("without a programme run");
        }
        report.write();
        if (options.scale10() && options.programmeRuns() > 0 && options.runs("programme")) {
            scale10();
            residentMemory("after the ten-times programme");
        } else {
            report.row("ten times the programme (40,000 posts)", "wall time", "≤ 10× the programme run",
                    "not run (`--scale10` to run it)", null);
        }
        report.write();
        stopServices();
        closeDatabases();
        if (options.pgbench()) {
            report.load("before pgbench (services stopped)");
            PgBench.run(devstack.postgres(), options, report, postThroughput);
            report.write();
        }
        if (options.runs("start")) {
            startUpTimes();
        }
    }

    // --- set-up -------------------------------------------------------------------------------------------------

    private void startServices() throws IOException {
        if (options.jfr()) {
            Files.createDirectories(options.repository().resolve("target/bench/jfr"));
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            devstack.postgres().recreateDatabase(database(spec));
            ports.put(spec.database(), FreePorts.pick());
        }
        for (ServiceSpec spec : ServiceSpec.ALL) {
            List<String> jvmOptions = new ArrayList<>(Launcher.SERVICE_JVM_OPTIONS);
            if (options.jfr()) {
                // The profile of the whole run, written when the service stops.
                jvmOptions.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                        + options.repository().resolve("target/bench/jfr/" + spec.module() + ".jfr"));
            }
            if (options.nmt()) {
                jvmOptions.add("-XX:NativeMemoryTracking=summary");
            }
            jvmOptions.addAll(options.extraJvmOptions());
            ServiceProcess service = new ServiceProcess(spec.module(),
                    ServiceProcess.packagedJar(options.repository(), spec.module()), ports.get(spec.database()),
                    devstack.serviceEnvironment(database(spec), ports),
                    options.repository().resolve("target/bench/logs/" + spec.module() + ".log"), jvmOptions);
            services.put(spec.database(), recordClassData ? service.recordingClassData() : service);
        }
        log("Starting the three services side by side ...");
        Parallel.map(3, List.copyOf(services.values()), service -> service.startAndAwaitReady(START_TIMEOUT));
        for (ServiceProcess service : services.values()) {
            report.detail(String.format("%s: ready %.1f s after its start, the three starting side by side.",
                    service.name(), service.lastStartToReady().orElseThrow().toMillis() / 1000.0));
        }
        endpoints = Endpoints.of(services.get("applications").baseUrl(), services.get("funding").baseUrl(),
                services.get("placement").baseUrl(), devstack.keys());
    }

    private static String database(ServiceSpec spec) {
        return "bench_" + spec.database();
    }

    private void connectDatabases() throws SQLException {
        applicationsDb = connect("bench_applications");
        fundingDb = connect("bench_funding");
        placementDb = connect("bench_placement");
        seeder = new Seeder(api, endpoints, applicationsDb, placementDb);
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(devstack.postgres().jdbcUrl(database), devstack.postgres().username(),
                devstack.postgres().password());
    }

    private void seed() throws SQLException {
        long started = System.nanoTime();
        log("Seeding: templates through the API, then " + options.bulk() + " structures, applications and advisers in bulk SQL");
        templateStructures = seeder.registerTemplateStructures();
        templateConseillers = seeder.registerTemplateConseillers();
        bulkCampaign = seeder.openCampaign("Bench bulk", 100_000);
        bulkStructures = seeder.bulkStructures(templateStructures, options.bulk());
        bulkApplications = seeder.bulkApplications(bulkStructures, bulkCampaign);
        seeder.bulkConseillers(templateConseillers, options.bulk(), null, "pool");
        report.detail(String.format("Seeding: %,d structures, %,d applications and %,d advisers in %.0f s.",
                bulkStructures.size(), bulkApplications.size(), options.bulk(), seconds(started)));
    }

    // --- HTTP scenarios -----------------------------------------------------------------------------------------

    private List<LoadGenerator.Result> load(String name, IntFunction<LoadGenerator.RequestFactory> factoryOfRun,
            int expectedStatus) {
        return load(name, services.get("applications"), factoryOfRun, expectedStatus);
    }

    /** Warm-up, then the timed runs against {@code service}, whose CPU per request the details table gives. */
    private List<LoadGenerator.Result> load(String name, ServiceProcess service,
            IntFunction<LoadGenerator.RequestFactory> factoryOfRun, int expectedStatus) {
        String warmUp = warmUp(name, service, factoryOfRun, expectedStatus);
        List<LoadGenerator.Result> runs = new ArrayList<>();
        List<CpuCost.PerRequest> costs = new ArrayList<>();
        Map<String, Long> processes = Map.of(service.name(), service.pid());
        for (int run = 0; run < options.runs(); run++) {
            CpuCost.Usage before = CpuCost.usage(processes);
            LoadGenerator.Result result = LoadGenerator.run(options.connections(), options.duration(),
                    factoryOfRun.apply(run), status -> status == expectedStatus);
            costs.add(CpuCost.PerRequest.between(before, CpuCost.usage(processes), service.name(),
                    result.requests()));
            log(String.format("%s run %d: %.0f req/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, %d errors", name, run + 1,
                    result.throughput(), result.p50(), result.p99(), result.p999(), result.errors()));
            if (result.errors() > 0) {
                report.note(name + ", run " + (run + 1) + ": " + result.errors() + " errors of " + result.requests()
                        + ", first: " + result.firstError());
            }
            runs.add(result);
        }
        StringBuilder table = new StringBuilder("**" + name + "** (" + options.connections() + " connections)\n\n"
                + "| run | requests | errors | req/s | p50 ms | p99 ms | p99.9 ms | max ms | CPU ms per request: "
                + service.name() + " | PostgreSQL | load generator | whole machine |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < runs.size(); i++) {
            LoadGenerator.Result r = runs.get(i);
            table.append(String.format("| %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s |%n", i + 1,
                    r.requests(), r.errors(), r.throughput(), r.p50(), r.p99(), r.p999(), r.max(),
                    costs.get(i).format()));
        }
        report.detail(table + "\n" + warmUp + " CPU per request: each process's CPU time over the run (/proc), "
                + "divided by the requests answered. PostgreSQL is all its processes on this machine; the whole "
                + "machine includes the other services, the Kafka broker and the kernel.");
        return runs;
    }

    /**
     * Untimed load in slices of {@link #WARM_UP_SLICE}: at least {@code --warm-up}, then on while the service's JIT
     * compiler threads used more than {@link #COMPILING} of a core over the last slice, up to {@code --max-warm-up}.
     * A fixed warm-up left the first timed run of {@code POST /applications} compiling on a slow machine (1.63 ms of
     * service CPU per request, then 0.94 and 0.74: bench/results/2026-11-28.md). Slice {@code k} takes the requests of
     * run {@code -1 - k}, so a scenario that needs fresh data per run (a campaign to apply to) gets it per slice too.
     * Returns the sentence that says how long it lasted, for the details.
     */
    private String warmUp(String name, ServiceProcess service, IntFunction<LoadGenerator.RequestFactory> factoryOfRun,
            int expectedStatus) {
        if (options.warmUp().isZero()) {
            return "No warm-up (--warm-up=0).";
        }
        log(name + ": warm-up, at least " + options.warmUp().toSeconds() + " s and until the JIT compiler settles");
        // Shorter than a slice (the training run's 2 s): one slice of that length.
        Duration slice = options.warmUp().compareTo(WARM_UP_SLICE) < 0 ? options.warmUp() : WARM_UP_SLICE;
        Map<String, Long> processes = Map.of(service.name(), service.pid());
        long errors = 0;
        String firstError = null;
        Duration elapsed = Duration.ZERO;
        Double compiling = null;
        for (int run = 0; ; run++) {
            CpuCost.Usage before = CpuCost.usage(processes);
            LoadGenerator.Result result = LoadGenerator.run(options.connections(), slice,
                    factoryOfRun.apply(-1 - run), status -> status == expectedStatus);
            Double compilerSeconds = CpuCost.compilerSecondsBetween(before, CpuCost.usage(processes))
                    .get(service.name());
            compiling = compilerSeconds == null ? null : compilerSeconds / result.seconds();
            elapsed = elapsed.plus(slice);
            errors += result.errors();
            if (firstError == null) {
                firstError = result.firstError();
            }
            boolean settled = compiling == null || compiling < COMPILING;
            if (elapsed.compareTo(options.warmUp()) >= 0 && settled || elapsed.compareTo(options.maxWarmUp()) >= 0) {
                break;
            }
        }
        if (errors > 0) {
            report.note(name + ": " + errors + " errors during warm-up, first: " + firstError);
        }
        String share = compiling == null ? "not measured (no /proc)"
                : String.format("%.0f %% of a core over its last %d s", 100 * compiling, slice.toSeconds());
        log(name + ": warm-up " + elapsed.toSeconds() + " s, JIT compiler threads " + share);
        if (compiling != null && compiling >= COMPILING) {
            report.note(String.format("%s: the JIT compiler was still at work when the warm-up ended (%s, after %d s, "
                    + "--max-warm-up): the first timed runs measure it too.", name, share, elapsed.toSeconds()));
        }
        return String.format("Warm-up: %d s of load; %s's JIT compiler threads used %s.", elapsed.toSeconds(),
                service.name(), share);
    }

    private void httpRows(String scenario, List<LoadGenerator.Result> runs, double minThroughput, double maxP99) {
        Stats throughput = Stats.of(runs, LoadGenerator.Result::throughput);
        Stats p99 = Stats.of(runs, LoadGenerator.Result::p99);
        report.row(scenario, "req/s", String.format("≥ %,.0f", minThroughput), throughput.format(0),
                throughput.median() >= minThroughput);
        report.row(scenario, "p50 ms", "", Stats.of(runs, LoadGenerator.Result::p50).format(1), null);
        report.row(scenario, "p99 ms", String.format("≤ %.0f", maxP99), p99.format(1), p99.median() <= maxP99);
        report.row(scenario, "p99.9 ms", "", Stats.of(runs, LoadGenerator.Result::p999).format(1), null);
    }

    private void getById() {
        String token = endpoints.instructeur();
        List<String> ids = bulkApplications;
        List<LoadGenerator.Result> runs = load("GET /applications/{id}", run -> sequence -> Api.getRequest(
                endpoints.applications() + "/applications/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())),
                token), 200);
        httpRows("`GET /applications/{id}`, 32 connections", runs, 2_500, 50);
    }

    private void filteredPage() {
        String token = endpoints.instructeur();
        List<String> departements = bulkStructures.stream().map(Seeder.BulkStructure::departement).distinct().toList();
        String[] statuses = { "SUBMITTED", "UNDER_REVIEW" };
        List<LoadGenerator.Result> runs = load("GET /applications?departement=&status=&size=20", run -> sequence -> Api.getRequest(
                endpoints.applications() + "/applications?departement=" + departements.get((int) (sequence % departements.size()))
                        + "&status=" + statuses[(int) (sequence / departements.size() % 2)] + "&size=20", token), 200);
        httpRows("`GET /applications?departement=&status=` page of 20 over " + String.format("%,d", options.bulk())
                + " applications", runs, 1_000, 80);
    }

    private void create() {
        String token = endpoints.admin();
        List<Seeder.BulkStructure> structures = bulkStructures;
        String desiredStart = LocalDate.now().plusDays(30).toString();
        // Each run applies on a campaign of its own, so that every structure can apply once per run.
        List<LoadGenerator.Result> runs = load("POST /applications", run -> {
            String campaign = seeder.openCampaign("Bench create " + run, 100_000);
            return sequence -> {
                Seeder.BulkStructure structure = structures.get((int) (sequence % structures.size()));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("structureId", structure.id());
                body.put("campaignId", campaign);
                body.put("postsRequested", 2);
                body.put("contractMonths", 18);
                body.put("desiredStartDate", desiredStart);
                body.put("motivation", "Accompagner les habitants éloignés du numérique");
                body.put("franceServicesLabel", false);
                return Api.postRequest(endpoints.applications() + "/applications", token, body);
            };
        }, 201);
        httpRows("`POST /applications`, 32 connections", runs, 1_000, 100);
        postThroughput = Stats.of(runs, LoadGenerator.Result::throughput).median();
    }

    private void candidates() throws SQLException {
        // A post in Lyon: approve one application of a Lyon structure and wait for its post.
        String campaign = seeder.openCampaign("Bench candidates", 10);
        Seeder.BulkStructure lyon = bulkStructures.stream().filter(s -> s.departement().equals("69")).findFirst()
                .orElseThrow();
        String application = seeder.applyAndStartReview(lyon, campaign, 1);
        approve(application, 1, 1);
        awaitCount(placementDb, "SELECT count(*) FROM post WHERE application_id = ANY (?)", List.of(application), 1);
        candidatePost = postsOf(List.of(application)).get(0);
        String token = endpoints.admin();
        List<LoadGenerator.Result> runs = load("GET /posts/{id}/candidates", services.get("placement"),
                run -> sequence -> Api.getRequest(
                endpoints.placement() + "/posts/" + candidatePost + "/candidates?size=20", token), 200);
        Stats p99 = Stats.of(runs, LoadGenerator.Result::p99);
        String scenario = String.format("`GET /posts/{id}/candidates`, %,d advisers, 32 connections", options.bulk());
        report.row(scenario, "p99 ms", "≤ 30", p99.format(1), p99.median() <= 30);
        report.row(scenario, "p50 ms", "", Stats.of(runs, LoadGenerator.Result::p50).format(1), null);
        report.row(scenario, "req/s", "", Stats.of(runs, LoadGenerator.Result::throughput).format(0), null);
        // The cost of one ranking, without 31 other requests queued in front of it: one recruiter at a time.
        List<LoadGenerator.Result> alone = new ArrayList<>();
        for (int run = 0; run < options.runs(); run++) {
            LoadGenerator.Result result = LoadGenerator.run(1, options.duration(), sequence -> Api.getRequest(
                    endpoints.placement() + "/posts/" + candidatePost + "/candidates?size=20", token),
                    status -> status == 200);
            log(String.format("GET /posts/{id}/candidates, 1 connection, run %d: %.0f req/s, p50 %.1f ms, p99 %.1f ms",
                    run + 1, result.throughput(), result.p50(), result.p99()));
            alone.add(result);
        }
        String single = String.format("`GET /posts/{id}/candidates`, %,d advisers, 1 connection", options.bulk());
        report.row(single, "p50 / p99 ms", "", Stats.of(alone, LoadGenerator.Result::p50).format(1) + " / "
                + Stats.of(alone, LoadGenerator.Result::p99).format(1), null);
        report.row(single, "req/s", "", Stats.of(alone, LoadGenerator.Result::throughput).format(0), null);
    }

    private void csvExport() throws Exception {
        ServiceProcess applications = services.get("applications");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = Api.request(endpoints.applications() + "/applications/export?campaignId=" + bulkCampaign,
                endpoints.instructeur()).header("Accept", "text/csv").GET().build();
        List<Double> secondsOfRuns = new ArrayList<>();
        List<Double> growthOfRuns = new ArrayList<>();
        StringBuilder table = new StringBuilder("**CSV export** of the " + String.format("%,d", bulkApplications.size())
                + " applications of a campaign\n\n| run | rows | MB | s | RSS before MB | RSS peak MB |\n|---|---|---|---|---|---|\n");
        for (int run = -1; run < options.runs(); run++) {
            long before = applications.residentMegabytes().getAsLong();
            AtomicLong peak = new AtomicLong(before);
            AtomicBoolean done = new AtomicBoolean();
            Thread sampler = new Thread(() -> {
                while (!done.get()) {
                    var rss = applications.residentMegabytes();
                    if (rss.isPresent()) {
                        peak.accumulateAndGet(rss.getAsLong(), Math::max);
                    }
                    sleep(20);
                }
            }, "rss-sampler");
            sampler.start();
            long started = System.nanoTime();
            long bytes = 0;
            long lines = 0;
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                done.set(true);
                throw new IllegalStateException("CSV export answered " + response.statusCode());
            }
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = body.read(buffer)) > 0) {
                    bytes += read;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            double seconds = seconds(started);
            done.set(true);
            sampler.join();
            long rows = lines - 1;
            if (rows != bulkApplications.size()) {
                report.note("CSV export: " + rows + " rows instead of " + bulkApplications.size());
            }
            log(String.format("CSV export run %d: %d rows, %.1f s, RSS %d → peak %d MB", run + 1, rows, seconds, before,
                    peak.get()));
            if (run >= 0) {
                secondsOfRuns.add(seconds);
                growthOfRuns.add((double) (peak.get() - before));
                table.append(String.format("| %d | %d | %.1f | %.1f | %d | %d |%n", run + 1, rows, bytes / 1e6, seconds,
                        before, peak.get()));
            }
        }
        report.detail(table + "\nA first, untimed export warms the path up. RSS sampled every 20 ms from /proc.");
        String scenario = String.format("CSV export of %,d applications", bulkApplications.size());
        report.row(scenario, "seconds", "streams", Stats.of(secondsOfRuns).format(1), null);
        Stats growth = Stats.of(growthOfRuns);
        report.row(scenario, "RSS growth MB (peak − before)", "< 50", growth.format(0), growth.median() < 50);
    }

    // --- events ---------------------------------------------------------------------------------------------------

    private void eventLatency() throws SQLException {
        int warmUp = 10;
        int total = warmUp + options.runs() * options.latencyEvents();
        String campaign = seeder.openCampaign("Bench event latency", Math.max(10, total));
        List<Seeder.BulkStructure> lyon = bulkStructures.stream().filter(s -> s.departement().equals("69")).limit(total)
                .toList();
        if (lyon.size() < total) {
            throw new IllegalStateException("Not enough Lyon structures for " + total + " approvals");
        }
        log("Event latency: " + total + " applications under review, through the API");
        List<String> applications = Parallel.map(options.clientThreads(), lyon,
                structure -> seeder.applyAndStartReview(structure, campaign, 1));
        List<Double> placementP50 = new ArrayList<>();
        List<Double> placementP99 = new ArrayList<>();
        List<Double> fundingP50 = new ArrayList<>();
        List<Double> fundingP99 = new ArrayList<>();
        List<Double> bothP50 = new ArrayList<>();
        List<Double> bothP99 = new ArrayList<>();
        StringBuilder table = new StringBuilder("**Event latency** `ApplicationApproved` (approval sent → post in "
                + "placement, grant in funding), ms\n\n| run | events | placement p50 | placement p99 | funding p50 | "
                + "funding p99 | both p50 | both p99 | both max |\n|---|---|---|---|---|---|---|---|---|\n");
        try (PreparedStatement post = placementDb.prepareStatement("SELECT 1 FROM post WHERE application_id = ?::uuid");
                PreparedStatement grant = fundingDb.prepareStatement(
                        "SELECT 1 FROM grant_award WHERE application_id = ?::uuid")) {
            int next = 0;
            for (int run = -1; run < options.runs(); run++) {
                int count = run < 0 ? warmUp : options.latencyEvents();
                Histogram toPlacement = new Histogram(3);
                Histogram toFunding = new Histogram(3);
                Histogram toBoth = new Histogram(3);
                for (int i = 0; i < count; i++) {
                    String application = applications.get(next++);
                    long sent = System.nanoTime();
                    approve(application, 1, next);
                    long placementAt = 0;
                    long fundingAt = 0;
                    long deadline = sent + Duration.ofSeconds(60).toNanos();
                    while ((placementAt == 0 || fundingAt == 0) && System.nanoTime() < deadline) {
                        if (placementAt == 0 && exists(post, application)) {
                            placementAt = System.nanoTime();
                        }
                        if (fundingAt == 0 && exists(grant, application)) {
                            fundingAt = System.nanoTime();
                        }
                        if (placementAt == 0 || fundingAt == 0) {
                            sleep(1);
                        }
                    }
                    if (placementAt == 0 || fundingAt == 0) {
                        throw new IllegalStateException("Application " + application + " was not seen within 60 s");
                    }
                    toPlacement.recordValue((placementAt - sent) / 1_000);
                    toFunding.recordValue((fundingAt - sent) / 1_000);
                    toBoth.recordValue((Math.max(placementAt, fundingAt) - sent) / 1_000);
                }
                if (run >= 0) {
                    placementP50.add(toPlacement.getValueAtPercentile(50) / 1000.0);
                    placementP99.add(toPlacement.getValueAtPercentile(99) / 1000.0);
                    fundingP50.add(toFunding.getValueAtPercentile(50) / 1000.0);
                    fundingP99.add(toFunding.getValueAtPercentile(99) / 1000.0);
                    bothP50.add(toBoth.getValueAtPercentile(50) / 1000.0);
                    bothP99.add(toBoth.getValueAtPercentile(99) / 1000.0);
                    table.append(String.format("| %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", run + 1,
                            count, placementP50.get(run), placementP99.get(run), fundingP50.get(run),
                            fundingP99.get(run), bothP50.get(run), bothP99.get(run), toBoth.getMaxValue() / 1000.0));
                    log(String.format("Event latency run %d: both p50 %.1f ms, p99 %.1f ms", run + 1, bothP50.get(run),
                            bothP99.get(run)));
                }
            }
        }
        report.detail(table.toString());
        String scenario = "event latency `ApplicationApproved` → post in placement and grant in funding";
        Stats p99 = Stats.of(bothP99);
        report.row(scenario, "p50 ms (both visible)", "", Stats.of(bothP50).format(1), null);
        report.row(scenario, "p99 ms (both visible)", "≤ 100", p99.format(1), p99.median() <= 100);
        report.row(scenario, "p50 / p99 ms, placement alone", "",
                Stats.of(placementP50).format(1) + " / " + Stats.of(placementP99).format(1), null);
        report.row(scenario, "p50 / p99 ms, funding alone", "",
                Stats.of(fundingP50).format(1) + " / " + Stats.of(fundingP99).format(1), null);
    }

    private static boolean exists(PreparedStatement query, String id) throws SQLException {
        query.setString(1, id);
        try (ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }

    // --- programme --------------------------------------------------------------------------------------------------

    /** One programme run's figures. */
    record ProgrammeRun(int applications, int posts, double wallSeconds, double approveSeconds,
            double postsAndGrantsSeconds, double hireSeconds, double t1DueSeconds, Map<String, Double> publishedPerSecond,
            Map<String, Double> consumedPerSecond, Map<String, Double> cpuSeconds, Map<String, Double> jitSeconds) {
    }

    /**
     * The untimed warm-up runs, then the timed ones. The HTTP scenarios before them compile little of the
     * programme's paths (approval, the consumers, the relays, hiring), so without a warm-up the first timed run
     * measured the JIT compilers as much as the system: 104.4 s, then 71.0 and 49.3 s (results/2026-11-28-0148.md).
     */
    private void programme() throws SQLException {
        List<ProgrammeRun> warmUps = new ArrayList<>();
        List<ProgrammeRun> runs = new ArrayList<>();
        for (int run = 0; run < options.programmeWarmUps() + options.programmeRuns(); run++) {
            boolean warmUp = run < options.programmeWarmUps();
            String name = warmUp ? "Bench programme warm-up " + (run + 1)
                    : "Bench programme " + (run + 1 - options.programmeWarmUps());
            (warmUp ? warmUps : runs).add(programmeRun(name, 1, run * options.programmeApplications()));
        }
        String size = String.format("%,d posts over %,d applications", options.programmePosts(),
                options.programmeApplications());
        programmeDetails("Programme runs (" + size + ")", warmUps, runs);
        String scenario = "**programme run**: " + size + " → approve, posts and grants, recruitments finalized, T1 due";
        Stats wall = Stats.of(runs, ProgrammeRun::wallSeconds);
        report.row(scenario, "wall time s", "≤ 60", wall.format(1), wall.median() <= 60);
        for (String service : services.keySet()) {
            report.row(scenario, "events/s " + service + " (published / consumed)", "",
                    Stats.of(runs, r -> r.publishedPerSecond().get(service)).format(0) + " / "
                            + Stats.of(runs, r -> r.consumedPerSecond().get(service)).format(0), null);
        }
        programmeWall = wall.median();
    }

    private void scale10() throws SQLException {
        ProgrammeRun run = programmeRun("Bench programme x10", 10, 0);
        programmeDetails(String.format("Ten times the programme (%,d posts over %,d applications), one run",
                run.posts(), run.applications()), List.of(), List.of(run));
        double ratio = run.wallSeconds() / programmeWall;
        report.row("**ten times the programme**: 40,000 posts", "wall time s (× the programme run)",
                "≤ 10× the programme run", String.format("%.1f (1 run; %.1f×)", run.wallSeconds(), ratio), ratio <= 10);
    }

    /** The table of each run's phases, then where the CPU went; the warm-up runs come first, named so. */
    private void programmeDetails(String title, List<ProgrammeRun> warmUps, List<ProgrammeRun> timed) {
        List<ProgrammeRun> runs = new ArrayList<>(warmUps);
        runs.addAll(timed);
        IntFunction<String> label = i -> i < warmUps.size() ? "warm-up " + (i + 1) + " (untimed)"
                : String.valueOf(i + 1 - warmUps.size());
        StringBuilder table = new StringBuilder("**" + title + "**, seconds\n\n| run | approve all | until posts and "
                + "grants | hire (match, shortlist, recruit, finalize) | until T1 due | wall | events/s published "
                + "(applications / funding / placement) | events/s consumed |\n|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < runs.size(); i++) {
            ProgrammeRun r = runs.get(i);
            table.append(String.format("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f / %.0f / %.0f | %.0f / %.0f / %.0f |%n",
                    label.apply(i), r.approveSeconds(), r.postsAndGrantsSeconds(), r.hireSeconds(), r.t1DueSeconds(),
                    r.wallSeconds(), r.publishedPerSecond().get("applications"), r.publishedPerSecond().get("funding"),
                    r.publishedPerSecond().get("placement"), r.consumedPerSecond().get("applications"),
                    r.consumedPerSecond().get("funding"), r.consumedPerSecond().get("placement")));
        }
        report.detail(table + "\nEach column after the first is the time of that phase; the phases follow one "
                + "another (the next starts when the previous is complete in every service), so the wall time is "
                + "their sum. Events/s: outbox rows written and inbox rows recorded in each service's database "
                + "during the run, divided by the wall time." + (warmUps.isEmpty() ? ""
                        : " The warm-up runs are measured the same way but left out of the figures: they are there "
                        + "so that the timed runs run compiled code."));
        if (runs.stream().anyMatch(r -> r.cpuSeconds().isEmpty())) {
            return;
        }
        List<String> processes = List.copyOf(runs.get(0).cpuSeconds().keySet());
        List<String> jvms = List.copyOf(runs.get(0).jitSeconds().keySet());
        StringBuilder cpu = new StringBuilder("**Where the CPU went** in each run of the table above, CPU seconds "
                + "from the first approval to the last T1 due\n\n| run | " + String.join(" | ", processes)
                + " | of which JIT compiler threads (" + String.join(" / ", jvms) + ") | machine busy | machine CPU "
                + "ms per post |\n|---|" + "---|".repeat(processes.size() + 3) + "\n");
        for (int i = 0; i < runs.size(); i++) {
            ProgrammeRun r = runs.get(i);
            cpu.append("| ").append(label.apply(i));
            for (String process : processes) {
                cpu.append(String.format(" | %.1f", r.cpuSeconds().get(process)));
            }
            cpu.append(" | ").append(jvms.stream().map(jvm -> String.format("%.1f", r.jitSeconds().get(jvm)))
                    .collect(Collectors.joining(" / ")));
            cpu.append(String.format(" | %.0f %% | %.1f |%n",
                    100 * r.cpuSeconds().get("machine") / (Machine.cores() * r.wallSeconds()),
                    1000 * r.cpuSeconds().get("machine") / r.posts()));
        }
        report.detail(cpu + "\nEach process's CPU time (user + system, /proc) over the run. PostgreSQL is all its "
                + "processes on this machine, with the backends that ended during the run. The JIT compiler threads' "
                + "time is part of their JVM's, and at least that much: the JVM stops idle compiler threads, and "
                + "their time leaves the count. Kernel threads are the kernel's own processes (kworker, ksoftirqd, "
                + "kdamond...); steal is time the hypervisor gave to other guests. The rest is the machine's busy "
                + "time outside the others: other programs, processes that ended during the run, and interrupts that "
                + "came while a CPU was idle; it can come out slightly below zero, as the readings are taken one "
                + "after the other while the machine runs on. Of which interrupts is the irq and softirq time "
                + "(loopback networking is most of it): this kernel counts time by ticks, and charges a tick spent "
                + "in an interrupt to the task it interrupted as well, so that time is inside the columns before "
                + "the machine's and not added to them. Machine busy is the machine's busy time over "
                + "the run, as a share of its " + Machine.cores() + " cores; near 100 %, the run was bound by the "
                + "CPUs, and only less CPU per post makes it shorter.");
    }

    /** The processes whose CPU a programme run reports: the services and the Kafka broker. */
    private Map<String, Long> programmeProcesses() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach((name, service) -> pids.put(name, service.pid()));
        devstack.kafka().pid().ifPresent(pid -> pids.put("Kafka broker", pid));
        return pids;
    }

    private ProgrammeRun programmeRun(String name, int scale, int structureOffset) throws SQLException {
        int applicationCount = options.programmeApplications() * scale;
        int postCount = options.programmePosts() * scale;
        if (postCount > 3 * applicationCount || postCount < 2 * applicationCount) {
            throw new IllegalArgumentException("A programme grants 2 or 3 posts per application");
        }
        String campaign = seeder.openCampaign(name, postCount);
        List<Seeder.BulkStructure> structures = new ArrayList<>();
        for (int i = 0; i < applicationCount; i++) {
            structures.add(bulkStructures.get((structureOffset + i) % bulkStructures.size()));
        }
        log(name + ": " + applicationCount + " applications under review through the API, " + postCount
                + " advisers in bulk SQL");
        List<String> applications = Parallel.map(options.clientThreads(), structures,
                structure -> seeder.applyAndStartReview(structure, campaign, 3));
        List<String> conseillers = seeder.bulkConseillers(templateConseillers.subList(0, 1), postCount, "NATIONAL",
                name.replaceAll("\\W", ""));
        // 3 posts for the first applications, 2 for the others: 4,000 posts over 1,500 applications.
        int withThree = postCount - 2 * applicationCount;
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < applicationCount; i++) {
            indexes.add(i);
        }
        Timestamp since = databaseNow();
        log(name + ": approving");
        Map<String, Long> processes = programmeProcesses();
        CpuCost.Usage cpuBefore = CpuCost.usage(processes);
        long started = System.nanoTime();
        Parallel.map(options.clientThreads(), indexes,
                // Committee sessions are numbered 1 to 9999 ("COSELEC 12").
                i -> approve(applications.get(i), i < withThree ? 3 : 2, 1 + i % 9_999));
        double approve = seconds(started);
        long mark = System.nanoTime();
        Map<String, Integer> postsPerApplication = new LinkedHashMap<>();
        for (int i = 0; i < applicationCount; i++) {
            postsPerApplication.put(applications.get(i), i < withThree ? 3 : 2);
        }
        awaitEach(placementDb, "SELECT application_id::text, count(*) FROM post WHERE application_id = ANY (?)"
                + " GROUP BY application_id", postsPerApplication);
        awaitEach(fundingDb, "SELECT application_id::text, count(*) FROM grant_award WHERE application_id = ANY (?)"
                + " GROUP BY application_id", eachOnce(applications));
        double postsAndGrants = seconds(mark);
        List<String> posts = postsOf(applications);
        log(name + ": hiring " + posts.size() + " advisers");
        mark = System.nanoTime();
        List<Integer> hires = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            hires.add(i);
        }
        Parallel.map(options.clientThreads(), hires, i -> hire(posts.get(i), conseillers.get(i)));
        double hire = seconds(mark);
        mark = System.nanoTime();
        awaitEach(fundingDb, "SELECT post_id::text, count(*) FROM tranche WHERE post_id = ANY (?) AND rank = 1"
                + " AND status = 'DUE' GROUP BY post_id", eachOnce(posts));
        double t1Due = seconds(mark);
        double wall = seconds(started);
        CpuCost.Usage cpuAfter = CpuCost.usage(processes);
        // The whole sets once more, out of the timing: what the polls above saw complete must all be there.
        awaitCount(placementDb, "SELECT count(*) FROM post WHERE application_id = ANY (?)", applications, postCount);
        awaitCount(fundingDb, "SELECT count(*) FROM grant_award WHERE application_id = ANY (?)", applications,
                applicationCount);
        awaitCount(fundingDb, "SELECT count(*) FROM tranche WHERE post_id = ANY (?) AND rank = 1 AND status = 'DUE'",
                posts, postCount);
        Map<String, Double> cpuSeconds = CpuCost.secondsBetween(cpuBefore, cpuAfter);
        Map<String, Double> jitSeconds = CpuCost.compilerSecondsBetween(cpuBefore, cpuAfter);
        Map<String, Double> published = new LinkedHashMap<>();
        Map<String, Double> consumed = new LinkedHashMap<>();
        Map<String, Connection> databases = Map.of("applications", applicationsDb, "funding", fundingDb, "placement",
                placementDb);
        for (String service : services.keySet()) {
            published.put(service, countSince(databases.get(service), "outbox_event", "occurred_at", since) / wall);
            consumed.put(service, countSince(databases.get(service), "inbox_entry", "processed_at", since) / wall);
        }
        log(String.format("%s: wall %.1f s (approve %.1f, posts and grants %.1f, hire %.1f, T1 due %.1f)", name, wall,
                approve, postsAndGrants, hire, t1Due));
        return new ProgrammeRun(applicationCount, postCount, wall, approve, postsAndGrants, hire, t1Due, published,
                consumed, cpuSeconds, jitSeconds);
    }

    private Object approve(String application, int posts, int committeeSession) {
        api.post(endpoints.applications() + "/applications/" + application + "/approve", endpoints.instructeur(),
                Map.of("postsGranted", posts, "decisionNumber", "COSELEC " + committeeSession), 200);
        return application;
    }

    private Object hire(String post, String conseiller) {
        String token = endpoints.admin();
        String match = api.post(endpoints.placement() + "/matches", token,
                Map.of("postId", post, "conseillerId", conseiller), 201).get("id").asText();
        api.post(endpoints.placement() + "/matches/" + match + "/shortlist", token, Map.of(), 200);
        LocalDate start = LocalDate.now().minusDays(20);
        api.post(endpoints.placement() + "/matches/" + match + "/recruit", token, Map.of("contractType", "CDD",
                "startDate", start.toString(), "endDate", start.plusMonths(18).minusDays(1).toString(),
                "grossMonthlySalary", new BigDecimal("1900.00"), "weeklyHours", 35), 200);
        api.post(endpoints.placement() + "/matches/" + match + "/finalize", token, Map.of(), 200);
        return match;
    }

    private List<String> postsOf(List<String> applications) throws SQLException {
        List<String> posts = new ArrayList<>();
        try (PreparedStatement select = placementDb.prepareStatement(
                "SELECT id FROM post WHERE application_id = ANY (?) ORDER BY application_id, id")) {
            select.setArray(1, Seeder.uuids(placementDb, applications));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    posts.add(rows.getString(1));
                }
            }
        }
        return posts;
    }

    /**
     * Waits until {@code sql} reports every key complete. The query takes keys as a uuid array and returns, for each
     * key it finds, the key and a count; a key is complete once its count reaches its expected figure. A poll asks
     * for the first {@value #POLL_BATCH} keys not yet seen complete, and for the next ones only while a whole batch
     * is: it costs the keys completed since the last poll plus one batch. Asking for every key at every poll made
     * the kit's own queries grow with the square of the run's size (each poll read the whole set, and the polls go
     * on for as long as the run): the ten-times run's wait for its 40,000 T1s took 67 to 69 s with them, 14.8 s
     * without (bench/results/2026-12-07-1642.md).
     */
    private void awaitEach(Connection database, String sql, Map<String, Integer> expected) throws SQLException {
        Map<String, Integer> remaining = new LinkedHashMap<>(expected);
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        try (PreparedStatement query = database.prepareStatement(sql)) {
            while (System.nanoTime() < deadline) {
                boolean wholeBatchComplete = true;
                while (wholeBatchComplete && !remaining.isEmpty()) {
                    List<String> batch = remaining.keySet().stream().limit(POLL_BATCH).toList();
                    query.setArray(1, Seeder.uuids(database, batch));
                    Map<String, Long> counts = new LinkedHashMap<>();
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            counts.put(rows.getString(1), rows.getLong(2));
                        }
                    }
                    for (String key : batch) {
                        if (counts.getOrDefault(key, 0L) >= remaining.get(key)) {
                            remaining.remove(key);
                        } else {
                            wholeBatchComplete = false;
                        }
                    }
                }
                if (remaining.isEmpty()) {
                    return;
                }
                sleep(50);
            }
        }
        throw new IllegalStateException("Waited " + EVENTUALLY + ": " + remaining.size() + " of " + expected.size()
                + " keys still incomplete, e.g. " + remaining.keySet().iterator().next() + ": " + sql);
    }

    private static Map<String, Integer> eachOnce(List<String> keys) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        keys.forEach(key -> expected.put(key, 1));
        return expected;
    }

    /** Polls with the whole set until the count is reached: for one key, or to check a set {@link #awaitEach} saw. */
    private void awaitCount(Connection database, String sql, List<String> ids, long expected) throws SQLException {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        long count = -1;
        try (PreparedStatement query = database.prepareStatement(sql)) {
            query.setArray(1, Seeder.uuids(database, ids));
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    count = rows.getLong(1);
                }
                if (count >= expected) {
                    return;
                }
                sleep(50);
            }
        }
        throw new IllegalStateException("Waited " + EVENTUALLY + " for " + expected + " rows, saw " + count + ": " + sql);
    }

    private Timestamp databaseNow() throws SQLException {
        try (PreparedStatement query = applicationsDb.prepareStatement("SELECT now()");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getTimestamp(1);
        }
    }

    private static long countSince(Connection database, String table, String column, Timestamp since)
            throws SQLException {
        try (PreparedStatement query = database.prepareStatement(
                "SELECT count(*) FROM " + table + " WHERE " + column + " >= ?")) {
            query.setTimestamp(1, since);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    // --- processes ----------------------------------------------------------------------------------------------

    private void residentMemory(String when) {
        if (options.nmt()) {
            nativeMemory(when);
        }
        for (ServiceProcess service : services.values()) {
            var rss = service.residentMegabytes();
            report.row(service.name(), "RSS MB " + when, "≤ 300", rss.toString(),
                    rss.isPresent() ? rss.getAsLong() <= 300 : null);
        }
    }

    /** The JVM's own account of each service's memory, by area (committed MB), from {@code jcmd VM.native_memory}. */
    private void nativeMemory(String when) {
        Pattern area = java.util.regex.Pattern
                .compile("^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB");
        Map<String, Map<String, Long>> byService = new LinkedHashMap<>();
        Set<String> areas = new LinkedHashSet<>();
        for (ServiceProcess service : services.values()) {
            Map<String, Long> committed = new LinkedHashMap<>();
            try {
                Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(service.pid()), "VM.native_memory", "summary").redirectErrorStream(true).start();
                String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                jcmd.waitFor();
                for (String line : text.split("\n")) {
                    Matcher matcher = area.matcher(line.trim());
                    if (matcher.find()) {
                        committed.put(matcher.group(1).trim(), Long.parseLong(matcher.group(2)) / 1024);
                    } else if (line.startsWith("Total:")) {
                        Matcher total = Pattern.compile("committed=(\\d+)KB").matcher(line);
                        if (total.find()) {
                            committed.put("Total", Long.parseLong(total.group(1)) / 1024);
                        }
                    }
                }
            } catch (IOException e) {
                report.note("jcmd VM.native_memory failed for " + service.name() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            committed.put("RSS (from /proc)", service.residentMegabytes().isPresent()
                    ? service.residentMegabytes().getAsLong() : -1);
            areas.addAll(committed.keySet());
            byService.put(service.name(), committed);
        }
        StringBuilder table = new StringBuilder("**Memory by area " + when + "** (MB committed, JVM native memory "
                + "tracking)\n\n| area |");
        byService.keySet().forEach(name -> table.append(' ').append(name).append(" |"));
        table.append("\n|---|").append("---|".repeat(byService.size())).append('\n');
        for (String name : areas) {
            table.append("| ").append(name).append(" |");
            byService.values().forEach(committed -> table.append(' ')
                    .append(committed.containsKey(name) ? committed.get(name) : "").append(" |"));
            table.append('\n');
        }
        report.detail(table.toString());
    }

    private void startUpTimes() {
        for (ServiceProcess service : services.values()) {
            List<Double> seconds = new ArrayList<>();
            for (int run = 0; run < options.runs(); run++) {
                service.stop();
                seconds.add(service.startAndAwaitReady(START_TIMEOUT).toMillis() / 1000.0);
                log(String.format("%s: ready in %.1f s", service.name(), seconds.get(run)));
            }
            service.stop();
            Stats stats = Stats.of(seconds);
            report.row(service.name(), "start to ready s (alone, database migrated)", "≤ 5", stats.format(1),
                    stats.median() <= 5);
        }
    }

    private void stopServices() {
        Parallel.map(3, List.copyOf(services.values()), service -> {
            service.stop();
            return service;
        });
    }

    private void closeDatabases() throws SQLException {
        for (Connection connection : new Connection[] { applicationsDb, fundingDb, placementDb }) {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private boolean stopped;

    private synchronized void stopEverything() {
        if (stopped) {
            return;
        }
        stopped = true;
        services.values().parallelStream().forEach(ServiceProcess::stop);
        devstack.close();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void log(String message) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
