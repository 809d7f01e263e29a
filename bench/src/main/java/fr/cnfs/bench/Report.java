package fr.cnfs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.cnfs.devstack.Launcher;
import fr.cnfs.devstack.ServiceProcess;

/** The results file, bench/results/&lt;date&gt;.md: the machine, the method, the table, the details and the notes. */
final class Report {

    private record Row(String scenario, String figure, String target, String measured, String verdict) {
    }

    private final Options options;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> loads = new ArrayList<>();
    private final String startedAt = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));

    private final Path file;
    private boolean complete;
    /** The 1-minute load average before the kit started anything: later readings count the kit's own load. */
    private Double loadBeforeStart;
    /** The busy share of the CPUs before the kit started anything (/proc/stat), when it could be read. */
    private Double cpuBusyBeforeStart;

    Report(Options options) {
        this(options, resultsFile());
    }

    private Report(Options options, Path file) {
        this.options = options;
        this.file = file;
    }

    /** A report that is never written: the training run's. */
    static Report discarded(Options options) {
        return new Report(options, null);
    }

    private static Path resultsFile() {
        // The kit's own checkout (run.sh starts from its root), also when --repository runs another checkout's jars.
        Path folder = Path.of("bench/results").toAbsolutePath();
        Path dated = folder.resolve(LocalDate.now() + ".md");
        return Files.exists(dated)
                ? folder.resolve(LocalDate.now() + "-" + LocalTime.now().format(DateTimeFormatter.ofPattern("HHmm")) + ".md")
                : dated;
    }

    /** The last write is the complete one; earlier ones keep what a stopped run measured. */
    void complete() {
        complete = true;
    }

    /** Notes the load average at a point of the run: the machine may be shared. */
    void load(String when) {
        String load = Machine.loadAverage();
        loads.add("| " + when + " | " + load + " |");
        try {
            if (loadBeforeStart == null) {
                loadBeforeStart = Double.parseDouble(load.substring(0, load.indexOf(' ')));
            }
        } catch (RuntimeException e) {
            // unknown load average: nothing to compare
        }
    }

    /** Samples how busy the CPUs are before the kit starts anything: the judge of whether the machine was shared. */
    void cpuBeforeStart() throws InterruptedException {
        Machine.cpuBusyShare(3_000).ifPresent(share -> cpuBusyBeforeStart = share);
    }

    /** A row of the summary table; {@code met} null when the figure has no target. */
    void row(String scenario, String figure, String target, String measured, Boolean met) {
        rows.add(new Row(scenario, figure, target, measured, met == null ? "" : met ? "met" : "**missed**"));
    }

    void detail(String markdown) {
        details.add(markdown);
    }

    void note(String markdown) {
        notes.add(markdown);
    }

    /** Which class-data archive each service maps, as its start finds them (the training run writes them first). */
    private String classDataArchives() {
        Map<String, String> byService = new LinkedHashMap<>();
        for (Launcher.ServiceSpec spec : Launcher.ServiceSpec.ALL) {
            byService.put(spec.module(), ServiceProcess.classDataArchive(options.repository(), spec.module())
                    .map(archive -> archive.getFileName().toString()).orElse("none"));
        }
        Set<String> archives = new LinkedHashSet<>(byService.values());
        if (archives.equals(Set.of(ServiceProcess.TRAINED_CLASS_DATA_ARCHIVE))) {
            return "each with the class-data archive of a training run of its jar (`-XX:SharedArchiveFile="
                    + ServiceProcess.TRAINED_CLASS_DATA_ARCHIVE + "`, see the method)";
        }
        if (archives.equals(Set.of(ServiceProcess.CLASS_DATA_ARCHIVE))) {
            return "each with the class-data archive of its build (`-XX:SharedArchiveFile="
                    + ServiceProcess.CLASS_DATA_ARCHIVE + "`)";
        }
        return "class-data archives (`-XX:SharedArchiveFile`): " + byService.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
    }

    /** Writes the file, and returns it; a {@link #discarded} report writes nothing and returns null. */
    Path write() throws IOException {
        if (file == null) {
            return null;
        }
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        text.append("# Benchmark results, ").append(startedAt).append("\n\n");
        text.append("Written by `bench/run.sh` (see [bench/README.md](../README.md)).");
        if (!complete) {
            text.append(" **Partial: the run was still going or stopped early; the figures below are those it had.**");
        }
        text.append("\n\n");
        text.append("## Machine\n\n");
        text.append("| | |\n|---|---|\n");
        text.append("| CPU | ").append(Machine.cores()).append(" cores, ").append(Machine.cpuModel()).append(" |\n");
        text.append("| memory | ").append(Machine.memory()).append(" |\n");
        text.append("| Java | ").append(Machine.java()).append(" |\n");
        text.append("| services | the three packaged jars, JVM options `")
                .append(String.join(" ", Launcher.SERVICE_JVM_OPTIONS)).append("`");
        text.append(", ").append(classDataArchives());
        if (!options.extraJvmOptions().isEmpty()) {
            text.append(", then (`--jvm-options`) `").append(String.join(" ", options.extraJvmOptions())).append("`");
        }
        text.append(" |\n");
        text.append("| infrastructure | PostgreSQL and one Kafka broker (devstack), the load generator: all on this machine |\n\n");
        text.append("Load average (1 / 5 / 15 min) during the run:\n\n| when | load average |\n|---|---|\n");
        loads.forEach(line -> text.append(line).append('\n'));
        text.append('\n');
        text.append("The readings after the start count the kit's own load: its load generator and the three services. ");
        if (cpuBusyBeforeStart != null) {
            text.append(String.format("Before the kit started, the CPUs were %.0f %% busy (/proc/stat over 3 s). ",
                    cpuBusyBeforeStart * 100));
        }
        boolean loadHigh = loadBeforeStart != null && loadBeforeStart > Machine.cores() / 2.0;
        boolean shared = cpuBusyBeforeStart != null ? cpuBusyBeforeStart > 0.25 : loadHigh;
        if (shared) {
            text.append("**The machine was shared**: other work was running before the kit started, so these figures "
                    + "are below what the system does on a quiet machine.\n\n");
        } else {
            text.append("Nothing else was running when the kit started");
            text.append(loadHigh
                    ? " (the load average also counts tasks blocked in the kernel, which do not use the CPUs).\n\n"
                    : ".\n\n");
        }
        text.append("## Method\n\n");
        text.append(String.format("""
                - HTTP scenarios: a closed-loop Java load generator (java.net.http, one HTTP/1.1 keep-alive connection \
                per worker), %d connections, latencies recorded in HdrHistogram (µs, 3 significant digits). Each \
                scenario has at least %d s of warm-up load, in slices of %d s, continued up to %d s while the \
                service's JIT compiler threads used more than %.0f %% of a core over the last slice (each scenario's \
                is in the details), then %d timed runs of %d s; every figure is the median of the runs, \
                with (min–max). Closed loop: the percentiles are those of the requests sent, without \
                coordinated-omission correction, and the load generator shares the cores with the services.
                - Event latency: %d approvals per run, one at a time; the clock starts when the approval request is \
                sent (so it includes the approval itself) and stops when the post is committed in placement's \
                database and the grant in funding's (polled every millisecond over JDBC).
                - Programme: %d untimed warm-up run(s), then %d timed run(s), each of the same size on a fresh \
                campaign; applications and advisers are put in place first (not timed); the wall time runs from the \
                first approval until funding holds every T1 as DUE. %d concurrent users drive the steps.
                - Data: the %,d applications and the %,d-adviser pool are cloned in bulk SQL from rows made \
                through the API (one structure and one adviser per commune, ten communes); everything else goes \
                through the public APIs.
                """, options.connections(), options.warmUp().toSeconds(), Bench.WARM_UP_SLICE.toSeconds(),
                options.maxWarmUp().toSeconds(), 100 * Bench.COMPILING, options.runs(),
                options.duration().toSeconds(), options.latencyEvents(), options.programmeWarmUps(),
                options.programmeRuns(),
                options.clientThreads(), options.bulk(), options.bulk()));
        if (options.trainClassData()) {
            text.append("""
                    - Class data: the services map class-data archives written by a training run of their jars \
                    (`-XX:ArchiveClassesAtExit`). The kit runs it first unless every service already has one newer \
                    than its jar: every scenario but the start times, small and short (2,000 rows, 4 connections, 2 s \
                    runs, a 100-post programme), its figures not kept. The archive a service writes at its stop holds \
                    the classes it loaded while serving as well as those of its start; the build's archive \
                    (`app-cds.jsa`) holds only those of the start. `--train-class-data=false` keeps the build's.
                    """);
        }
        if (!options.scenarios().containsAll(Options.SCENARIOS)) {
            text.append("- Only these scenarios ran (`--scenarios`): ").append(String.join(", ", options.scenarios()))
                    .append(".\n");
        }
        if (options.jfr()) {
            text.append("- JFR recorded a profile of each service during the run (`--jfr`), which costs a few per cent.\n");
        }
        text.append('\n');
        text.append("## Results\n\n");
        text.append("Median (min–max) of the runs.\n\n");
        text.append("| scenario | figure | target | measured | |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            text.append("| ").append(row.scenario()).append(" | ").append(row.figure()).append(" | ")
                    .append(row.target()).append(" | ").append(row.measured()).append(" | ").append(row.verdict())
                    .append(" |\n");
        }
        text.append('\n');
        if (!details.isEmpty()) {
            text.append("## Details\n\n");
            details.forEach(detail -> text.append(detail).append("\n\n"));
        }
        if (!notes.isEmpty()) {
            text.append("## Notes\n\n");
            notes.forEach(note -> text.append("- ").append(note).append('\n'));
        }
        Files.writeString(file, text);
        return file;
    }
}
