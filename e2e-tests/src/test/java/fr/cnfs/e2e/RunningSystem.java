package fr.cnfs.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import fr.cnfs.devstack.Devstack;
import fr.cnfs.devstack.DevstackSettings;
import fr.cnfs.devstack.FreePorts;
import fr.cnfs.devstack.Launcher;
import fr.cnfs.devstack.Launcher.ServiceSpec;
import fr.cnfs.devstack.ServiceProcess;

/**
 * Devstack and one process per service, from the packaged jars, started once for the test JVM: what the run command
 * starts, on free ports and with test databases. Tests may add second instances of the services (scale-out) and stop,
 * kill or restart any process, the broker or the database.
 */
final class RunningSystem {

    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    static final Duration PARKING_MAX_WAIT = Duration.ofSeconds(20);
    /** The business gauges' period here (60 s by default): the metrics test waits for two readings. */
    static final Duration BUSINESS_GAUGE_REFRESH = Duration.ofSeconds(5);

    private static RunningSystem instance;

    private final Devstack devstack;
    private final Path repository;
    private final Path home;
    private final Map<String, Integer> firstPorts = new LinkedHashMap<>();
    private final Map<String, List<ServiceProcess>> instances = new LinkedHashMap<>();

    private RunningSystem(Devstack devstack, Path repository, Path home) {
        this.devstack = devstack;
        this.repository = repository;
        this.home = home;
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            Path repository = Path.of(System.getProperty("cnfs.repository.root", "..")).toAbsolutePath().normalize();
            Path home = Path.of("target", "devstack").toAbsolutePath();
            // The databases are recreated below: the topics must start empty too, or a replay would bring back the
            // events of an earlier run.
            Devstack devstack = Devstack.startWithEmptyTopics(home, DevstackSettings.forTests(System.getenv()));
            RunningSystem system = new RunningSystem(devstack, repository, home);
            Runtime.getRuntime().addShutdownHook(new Thread(system::stop, "e2e-shutdown"));
            for (ServiceSpec spec : ServiceSpec.ALL) {
                devstack.postgres().recreateDatabase(databaseOf(spec));
                system.firstPorts.put(spec.database(), FreePorts.pick());
            }
            List<ServiceProcess> first = new ArrayList<>();
            for (ServiceSpec spec : ServiceSpec.ALL) {
                ServiceProcess process = system.newProcess(spec, system.firstPorts.get(spec.database()), 1);
                system.instances.computeIfAbsent(spec.database(), key -> new ArrayList<>()).add(process);
                first.add(process);
            }
            startAll(first);
            instance = system;
        }
        return instance;
    }

    Devstack devstack() {
        return devstack;
    }

    ServiceProcess applications() {
        return instances.get("applications").get(0);
    }

    ServiceProcess funding() {
        return instances.get("funding").get(0);
    }

    ServiceProcess placement() {
        return instances.get("placement").get(0);
    }

    Programme programme() {
        return new Programme(applications(), funding(), placement());
    }

    /** Every call to the next running instance of its service, in turn. */
    Programme programmeOverAllInstances() {
        return new Programme(instancesOf("applications"), instancesOf("funding"), instancesOf("placement"));
    }

    /** Every running process, first instances first. */
    List<ServiceProcess> services() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    List<ServiceProcess> instancesOf(String database) {
        return List.copyOf(instances.get(database));
    }

    /** Starts a second instance of every service, on new ports, sharing the databases and the broker. */
    synchronized List<ServiceProcess> addSecondInstances() {
        List<ServiceProcess> added = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            List<ServiceProcess> running = instances.get(spec.database());
            if (running.size() < 2) {
                ServiceProcess process = newProcess(spec, FreePorts.pick(), 2);
                running.add(process);
                added.add(process);
            }
        }
        startAll(added);
        return added;
    }

    synchronized void stopSecondInstances() {
        for (List<ServiceProcess> running : instances.values()) {
            while (running.size() > 1) {
                running.remove(running.size() - 1).stop();
            }
        }
    }

    /**
     * A further instance of a service, on a new port, that this system neither starts nor stops: the test that asks
     * for it does both.
     */
    ServiceProcess unmanagedInstance(String database, int instanceNumber) {
        ServiceSpec spec = ServiceSpec.ALL.stream().filter(candidate -> candidate.database().equals(database))
                .findFirst().orElseThrow();
        return newProcess(spec, FreePorts.pick(), instanceNumber);
    }

    private ServiceProcess newProcess(ServiceSpec spec, int port, int instanceNumber) {
        String name = instanceNumber == 1 ? spec.module() : spec.module() + "-" + instanceNumber;
        Map<String, String> environment = new LinkedHashMap<>(devstack.serviceEnvironment(databaseOf(spec), firstPorts));
        environment.put("CNFS_METRICS_BUSINESS_REFRESH", BUSINESS_GAUGE_REFRESH.toSeconds() + "s");
        if (spec.database().equals("funding")) {
            // The poison test must see an event about an unknown post reach the dead-letter topic within seconds.
            environment.put("CNFS_FUNDING_PARKING_MAX_WAIT", PARKING_MAX_WAIT.toString());
            environment.put("CNFS_FUNDING_PARKING_SWEEP_EVERY", "2s");
        }
        return new ServiceProcess(name, ServiceProcess.packagedJar(repository, spec.module()), port, environment,
                home.resolve("logs").resolve(name + ".log"), Launcher.SERVICE_JVM_OPTIONS);
    }

    private static String databaseOf(ServiceSpec spec) {
        return "e2e_" + spec.database();
    }

    private static void startAll(List<ServiceProcess> processes) {
        CompletableFuture.allOf(processes.stream()
                .map(service -> CompletableFuture.runAsync(() -> service.startAndAwaitReady(START_TIMEOUT)))
                .toArray(CompletableFuture[]::new)).join();
    }

    private void stop() {
        services().parallelStream().forEach(ServiceProcess::stop);
        devstack.close();
    }
}
