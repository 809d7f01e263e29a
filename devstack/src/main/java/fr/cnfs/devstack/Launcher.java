package fr.cnfs.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The README's run command: devstack, then the three services as separate processes from their packaged jars.
 * It prints where everything is and a token per role, and on Ctrl-C stops all it started.
 */
public final class Launcher {

    /** The services of DESIGN §3, their database and default port. */
    public record ServiceSpec(String module, String database, int defaultPort) {

        public static final List<ServiceSpec> ALL = List.of(
                new ServiceSpec("applications-service", "applications", 8081),
                new ServiceSpec("funding-service", "funding", 8082),
                new ServiceSpec("placement-service", "placement", 8083));

        public String portVariable() {
            return "CNFS_" + database.toUpperCase() + "_PORT";
        }
    }

    /**
     * The worker threads of each service here: as many as its database connections (quarkus.datasource.jdbc.max-size
     * in the plumbing's defaults). With Quarkus's default of 200, the requests beyond the eighth waited for a
     * connection in the pool, where a freed connection goes to whichever thread finds it first, often a request that
     * has just arrived: with 8 threads they wait in the executor's queue, first in first out. On 2 cores, in
     * alternating runs, p99 fell by a fifth for the filtered page and an eighth for POST /applications, throughput
     * and the programme run unchanged (bench/results/2026-11-28-1545.md). The container images keep the default:
     * there a request that waits 5 s for a connection answers 503 (docs/operations.md).
     */
    public static final int WORKER_THREADS = 8;

    /** How the run command, the end-to-end tests and the benchmarks start each service's JVM. */
    public static final List<String> SERVICE_JVM_OPTIONS = serviceJvmOptions(Runtime.version());

    /**
     * The JVM options of a service run by this JDK (the services run on the launcher's own). With these, two malloc
     * arenas ({@link ServiceProcess}) and the class-data archive, the RSS after the programme run went from
     * 397 / 354 / 479 MB to 332 / 324 / 380 MB (bench/results/2026-11-27-1842.md, then 1925.md).
     */
    static List<String> serviceJvmOptions(Runtime.Version java) {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx256m",
                // Give the heap back after a burst: at most 30 % of it stays free after a collection (default 70 %).
                "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+ExitOnOutOfMemoryError",
                "-Dquarkus.thread-pool.max-threads=" + WORKER_THREADS));
        if (trimsNativeHeap(java)) {
            // glibc keeps what the JVM frees (start-up, JIT compilations) in its arenas; hand it back every 5 s.
            options.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000"));
        }
        return List.copyOf(options);
    }

    /** Whether this JDK has -XX:TrimNativeHeapInterval: from 22, and backported (experimental) to 17.0.9 and 21.0.1. */
    static boolean trimsNativeHeap(Runtime.Version java) {
        return java.feature() >= 22 || java.feature() == 21 && java.update() >= 1
                || java.feature() == 17 && java.update() >= 9;
    }

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> environment = System.getenv();
        Path repository = Path.of(environment.getOrDefault("CNFS_REPO_ROOT", ".")).toAbsolutePath().normalize();
        Path home = Path.of(environment.getOrDefault("CNFS_DEVSTACK_HOME", repository.resolve("target/devstack").toString()));
        long started = System.nanoTime();

        System.out.println("Starting PostgreSQL check and Kafka broker (work folder " + home + ") ...");
        Devstack devstack = Devstack.start(home, DevstackSettings.forRunCommand(environment));
        List<ServiceProcess> services = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services, Kafka" + (devstack.postgres().isEmbedded()
                    ? " and the embedded PostgreSQL" : "") + " ...");
            services.parallelStream().forEach(ServiceProcess::stop);
            devstack.close();
            System.out.println("Stopped.");
        }, "cnfs-launcher-shutdown"));

        Map<String, Integer> ports = new java.util.HashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            ports.put(spec.database(),
                    Integer.parseInt(environment.getOrDefault(spec.portVariable(), String.valueOf(spec.defaultPort()))));
        }
        for (ServiceSpec spec : ServiceSpec.ALL) {
            devstack.postgres().ensureDatabase(spec.database());
            services.add(new ServiceProcess(spec.module(),
                    ServiceProcess.packagedJar(repository, spec.module()), ports.get(spec.database()),
                    devstack.serviceEnvironment(spec.database(), ports),
                    home.resolve("logs").resolve(spec.module() + ".log"), SERVICE_JVM_OPTIONS));
        }
        System.out.println("Starting " + services.size() + " services ...");
        try {
            CompletableFuture.allOf(services.stream()
                    .map(service -> CompletableFuture.runAsync(() -> service.startAndAwaitReady(Duration.ofMinutes(3))))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            System.err.println("A service did not become ready: " + e.getMessage());
            System.exit(1);
        }
        Duration toReady = Duration.ofNanos(System.nanoTime() - started);
        printBanner(devstack, services, toReady, home);
        Thread.currentThread().join();
    }

    private static void printBanner(Devstack devstack, List<ServiceProcess> services, Duration toReady, Path home) {
        StringBuilder banner = new StringBuilder();
        banner.append(String.format("%nCnFS is ready (%.1f s). PostgreSQL %s:%d (%s), Kafka %s%n%n",
                toReady.toMillis() / 1000.0, devstack.postgres().host(), devstack.postgres().port(),
                devstack.postgres().isEmbedded() ? "embedded" : "existing server", devstack.kafka().bootstrapServers()));
        banner.append(String.format("%-22s %-24s %-38s %-38s %s%n", "service", "API", "Swagger UI", "OpenAPI",
                "start-to-ready"));
        for (ServiceProcess service : services) {
            banner.append(String.format("%-22s %-24s %-38s %-38s %.1f s%n", service.name(), service.baseUrl(),
                    service.baseUrl() + "/q/swagger-ui", service.baseUrl() + "/q/openapi",
                    service.lastStartToReady().orElseThrow().toMillis() / 1000.0));
        }
        StringBuilder tokens = new StringBuilder();
        banner.append(String.format("%nBearer tokens, valid %d h (Authorization: Bearer <token>):%n",
                TOKEN_LIFETIME.toHours()));
        for (DevIdentities identity : DevIdentities.values()) {
            String token = identity.token(devstack.keys(), TOKEN_LIFETIME);
            banner.append(String.format("%n  %s (%s)%n  %s%n", identity.role(), identity.describe(), token));
            tokens.append("CNFS_TOKEN_").append(identity.role().toUpperCase()).append('=').append(token).append('\n');
        }
        Path tokenFile = home.resolve("tokens.env");
        try {
            Files.writeString(tokenFile, tokens);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        banner.append(String.format("%nThe tokens are also in %s. Logs: %s%nPress Ctrl-C to stop everything.%n",
                tokenFile, home.resolve("logs")));
        System.out.print(banner);
    }
}
