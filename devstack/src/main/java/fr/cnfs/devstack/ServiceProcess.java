package fr.cnfs.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service instance as a separate JVM, from its packaged jar ({@code target/quarkus-app/quarkus-run.jar}),
 * configured only through the standard environment variables an ops team would set.
 */
public final class ServiceProcess {

    /**
     * The AppCDS archive that {@code ./mvnw package} writes next to the jar ({@code quarkus.package.jar.appcds.enabled}):
     * the classes loaded at start, already parsed and verified, which saves 0.2 to 2.7 s of a start on 2 cores. A JVM
     * other than the one that built it ignores it with a warning and starts the slow way.
     */
    public static final String CLASS_DATA_ARCHIVE = "app-cds.jsa";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private final List<String> jvmOptions;
    private Process process;
    private Duration lastStartToReady;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile,
            List<String> jvmOptions) {
        this.name = name;
        this.jar = jar.toAbsolutePath();
        this.port = port;
        this.environment = new LinkedHashMap<>(environment);
        this.environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        this.logFile = logFile.toAbsolutePath();
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The jar of module {@code moduleName} under the repository root. */
    public static Path packagedJar(Path repositoryRoot, String moduleName) {
        Path jar = quarkusApp(repositoryRoot, moduleName).resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        return jar;
    }

    /** Where the build writes the class-data archive of module {@code moduleName}; the file may be missing. */
    public static Path classDataArchive(Path repositoryRoot, String moduleName) {
        return quarkusApp(repositoryRoot, moduleName).resolve(CLASS_DATA_ARCHIVE);
    }

    private static Path quarkusApp(Path repositoryRoot, String moduleName) {
        return repositoryRoot.resolve(moduleName).resolve("target/quarkus-app");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(logFile.getParent());
            List<String> command = new ArrayList<>();
            command.add(DevstackClasspath.javaExecutable());
            if (Files.isRegularFile(jar.resolveSibling(CLASS_DATA_ARCHIVE))) {
                // Relative, as Quarkus wrote it: the process runs in the jar's directory.
                command.add("-XX:SharedArchiveFile=" + CLASS_DATA_ARCHIVE);
            }
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            // Two glibc malloc arenas instead of 8 per core: the JVM's native memory, not the heap, fragmented over
            // many arenas grows the RSS. An ops team's own value wins.
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Starts and waits for {@code /q/health/ready}; returns the time it took. */
    public Duration startAndAwaitReady(Duration timeout) {
        long started = System.nanoTime();
        start();
        awaitReady(timeout);
        lastStartToReady = Duration.ofNanos(System.nanoTime() - started);
        return lastStartToReady;
    }

    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(name + " exited" + (process == null ? "" : " with code "
                        + process.exitValue()) + "; see " + logFile);
            }
            if (isReady()) {
                return;
            }
            KafkaBroker.pause(100);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + logFile);
    }

    public boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Optional<Duration> lastStartToReady() {
        return Optional.ofNullable(lastStartToReady);
    }

    /** SIGTERM, then SIGKILL if it does not stop within 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The operating system's id of the running process, or -1 when it does not run. */
    public long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    /** Resident set size in MB, read from /proc (Linux). */
    public OptionalLong residentMegabytes() {
        if (process == null || !process.isAlive()) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** An alias so callers need not import java.util.OptionalLong twice. */
    public static final class OptionalLong {
        private static final OptionalLong EMPTY = new OptionalLong(-1);
        private final long value;

        private OptionalLong(long value) {
            this.value = value;
        }

        static OptionalLong of(long value) {
            return new OptionalLong(value);
        }

        static OptionalLong empty() {
            return EMPTY;
        }

        public boolean isPresent() {
            return this != EMPTY;
        }

        public long getAsLong() {
            return value;
        }

        @Override
        public String toString() {
            return isPresent() ? value + " MB" : "n/a";
        }
    }
}
