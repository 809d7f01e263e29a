package fr.cnfs.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * The archive a training run of the same jar wrote when it stopped ({@code -XX:ArchiveClassesAtExit}, see
     * {@link #recordingClassData()}): every class the service loaded while it served, not only those of its start.
     * Used instead of the build's while it is newer than the jar and that archive.
     */
    public static final String TRAINED_CLASS_DATA_ARCHIVE = "app-cds-trained.jsa";

    /** Where a training run writes, so that a run stopped while writing leaves no half archive behind. */
    private static final String TRAINING_OUTPUT = TRAINED_CLASS_DATA_ARCHIVE + ".part";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private final List<String> jvmOptions;
    private Process process;
    private Duration lastStartToReady;
    private boolean recordClassData;
    private Optional<Path> classDataArchiveInUse = Optional.empty();

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

    /**
     * The class-data archive a start of module {@code moduleName} uses: a training run's while it is newer than the
     * jar and the build's archive, else the build's, else none.
     */
    public static Optional<Path> classDataArchive(Path repositoryRoot, String moduleName) {
        return classDataArchiveIn(quarkusApp(repositoryRoot, moduleName));
    }

    private static Optional<Path> classDataArchiveIn(Path quarkusApp) {
        Path built = quarkusApp.resolve(CLASS_DATA_ARCHIVE);
        Path trained = quarkusApp.resolve(TRAINED_CLASS_DATA_ARCHIVE);
        try {
            if (Files.isRegularFile(trained)) {
                var trainedAt = Files.getLastModifiedTime(trained);
                boolean newer = trainedAt.compareTo(Files.getLastModifiedTime(quarkusApp.resolve("quarkus-run.jar"))) > 0
                        && (!Files.isRegularFile(built) || trainedAt.compareTo(Files.getLastModifiedTime(built)) > 0);
                if (newer) {
                    return Optional.of(trained);
                }
            }
        } catch (IOException e) {
            // unreadable dates: fall back on the build's archive
        }
        return Files.isRegularFile(built) ? Optional.of(built) : Optional.empty();
    }

    private static Path quarkusApp(Path repositoryRoot, String moduleName) {
        return repositoryRoot.resolve(moduleName).resolve("target/quarkus-app");
    }

    /**
     * Makes the next start a training run: the JVM records every class the service loads and writes them, when the
     * service stops, as {@value #TRAINED_CLASS_DATA_ARCHIVE}, which later starts of the same jar map instead of the
     * build's archive (which holds only the classes of a start). The training start itself maps no archive.
     */
    public synchronized ServiceProcess recordingClassData() {
        recordClassData = true;
        return this;
    }

    /** The class-data archive the running process mapped, if any; empty for a training run. */
    public synchronized Optional<Path> classDataArchiveInUse() {
        return classDataArchiveInUse;
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
            // Relative names, as Quarkus wrote its own: the process runs in the jar's directory.
            if (recordClassData) {
                Files.deleteIfExists(jar.resolveSibling(TRAINING_OUTPUT));
                command.add("-XX:ArchiveClassesAtExit=" + TRAINING_OUTPUT);
                classDataArchiveInUse = Optional.empty();
            } else {
                classDataArchiveInUse = classDataArchiveIn(jar.getParent());
                classDataArchiveInUse.ifPresent(archive -> command.add("-XX:SharedArchiveFile=" + archive.getFileName()));
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
        boolean stopped = false;
        try {
            stopped = process.waitFor(30, TimeUnit.SECONDS);
            if (!stopped) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (recordClassData) {
            keepTrainedArchive(stopped);
        }
    }

    /** A training run's archive is kept only when the JVM stopped by itself, so finished writing it. */
    private void keepTrainedArchive(boolean stoppedByItself) {
        Path written = jar.resolveSibling(TRAINING_OUTPUT);
        recordClassData = false;
        try {
            if (stoppedByItself && Files.isRegularFile(written)) {
                Files.move(written, jar.resolveSibling(TRAINED_CLASS_DATA_ARCHIVE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the class-data archive of " + name, e);
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
        if (recordClassData) {
            keepTrainedArchive(false);
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
