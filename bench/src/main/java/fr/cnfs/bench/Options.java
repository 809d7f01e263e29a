package fr.cnfs.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kit's settings, from {@code --name=value} arguments; every one has a default that gives the full kit in about
 * half an hour on the reference machine (without the ten-times programme).
 *
 * @param runs             timed runs per figure (each figure is their median, with min and max)
 * @param warmUp           the least untimed load before the timed runs of each HTTP scenario
 * @param maxWarmUp        the most: the warm-up goes on past {@code warmUp} while the JIT compiler is at work
 * @param duration         length of one timed HTTP run
 * @param connections      concurrent connections of the HTTP scenarios
 * @param bulk             applications and advisers of the 100,000-row data sets
 * @param latencyEvents    approvals per run of the event-latency scenario
 * @param programmeWarmUps untimed programme runs before the timed ones, so that these measure compiled code
 * @param programmeRuns    programme runs (each on its own campaign)
 * @param programmeApplications applications of one programme run (1,500)
 * @param programmePosts   posts granted over them (4,000; at most three per application)
 * @param scale10          also run the programme at ten times its size (40,000 posts)
 * @param clientThreads    concurrent users driving the programme's steps
 * @param pgbench          run pgbench for PostgreSQL's own limit
 * @param jfr              record a JFR profile of each service (target/bench/jfr/&lt;service&gt;.jfr)
 * @param nmt              turn on the JVM's native memory tracking and report each service's memory by area
 * @param scenarios        the scenarios to run (all by default), to profile or tune one at a time
 * @param extraJvmOptions  JVM options added after the run command's ones (a later option wins), to try a setting
 * @param trainClassData   before the measured run, when a service has no class-data archive of a training run newer
 *                         than its jar, run a short training run ({@link #forTraining()}) that writes one
 */
record Options(Path repository, int runs, Duration warmUp, Duration maxWarmUp, Duration duration, int connections,
        int bulk, int latencyEvents, int programmeWarmUps, int programmeRuns, int programmeApplications,
        int programmePosts, boolean scale10, int clientThreads, boolean pgbench, boolean jfr, boolean nmt,
        Set<String> scenarios, List<String> extraJvmOptions, boolean trainClassData) {

    /** The scenario names of {@code --scenarios=}. */
    static final List<String> SCENARIOS = List.of("get", "page", "post", "candidates", "export", "latency",
            "programme", "start");

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /**
     * The training run: every scenario but the start times, small and short, so that each service goes through the
     * code paths of the measured run (which classes it loads does not depend on how much it serves).
     */
    Options forTraining() {
        Set<String> training = new LinkedHashSet<>(SCENARIOS);
        training.remove("start");
        return new Options(repository, 1, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), 4,
                /* bulk */ 2_000,
                /* latency events */ 10, /* programme warm-ups, runs, applications, posts */ 0, 1, 40, 100,
                /* scale10 */ false, /* client threads */ 4, /* pgbench, jfr, nmt */ false, false, false,
                Set.copyOf(training), extraJvmOptions, /* trainClassData */ false);
    }

    static Options parse(String[] args) {
        Path repository = Path.of(".");
        int runs = 3;
        int warmUp = 60;
        int maxWarmUp = 180;
        int duration = 15;
        int connections = 32;
        int bulk = 100_000;
        int latencyEvents = 100;
        int programmeWarmUps = 1;
        int programmeRuns = 3;
        int programmeApplications = 1_500;
        int programmePosts = 4_000;
        boolean scale10 = false;
        int clientThreads = 16;
        boolean pgbench = true;
        boolean jfr = false;
        boolean nmt = false;
        Set<String> scenarios = new LinkedHashSet<>(SCENARIOS);
        List<String> extraJvmOptions = List.of();
        boolean trainClassData = true;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "true";
            switch (name) {
                case "--repository" -> repository = Path.of(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--warm-up" -> warmUp = Integer.parseInt(value);
                case "--max-warm-up" -> maxWarmUp = Integer.parseInt(value);
                case "--duration" -> duration = Integer.parseInt(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--bulk" -> bulk = Integer.parseInt(value);
                case "--latency-events" -> latencyEvents = Integer.parseInt(value);
                case "--programme-warm-up" -> programmeWarmUps = Integer.parseInt(value);
                case "--programme-runs" -> programmeRuns = Integer.parseInt(value);
                case "--programme-applications" -> programmeApplications = Integer.parseInt(value);
                case "--programme-posts" -> programmePosts = Integer.parseInt(value);
                case "--scale10" -> scale10 = Boolean.parseBoolean(value);
                case "--client-threads" -> clientThreads = Integer.parseInt(value);
                case "--pgbench" -> pgbench = Boolean.parseBoolean(value);
                case "--jfr" -> jfr = Boolean.parseBoolean(value);
                case "--nmt" -> nmt = Boolean.parseBoolean(value);
                case "--train-class-data" -> trainClassData = Boolean.parseBoolean(value);
                case "--jvm-options" -> extraJvmOptions = value.isBlank() ? List.of()
                        : List.of(value.trim().split("\\s+"));
                case "--scenarios" -> {
                    scenarios = new LinkedHashSet<>(Arrays.asList(value.split(",")));
                    if (!SCENARIOS.containsAll(scenarios)) {
                        throw new IllegalArgumentException("--scenarios takes a list of " + SCENARIOS);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg + "; see bench/README.md");
            }
        }
        return new Options(repository.toAbsolutePath().normalize(), runs, Duration.ofSeconds(warmUp),
                Duration.ofSeconds(Math.max(warmUp, maxWarmUp)),
                Duration.ofSeconds(duration), connections, bulk, latencyEvents, programmeWarmUps, programmeRuns,
                programmeApplications, programmePosts, scale10, clientThreads,
                pgbench, jfr, nmt, Set.copyOf(scenarios), extraJvmOptions, trainClassData);
    }
}
