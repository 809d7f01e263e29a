package fr.cnfs.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 * starts, on free ports and with test databases.
 */
final class RunningSystem {

    private static RunningSystem instance;

    private final Devstack devstack;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private RunningSystem(Devstack devstack) {
        this.devstack = devstack;
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            Path repository = Path.of(System.getProperty("cnfs.repository.root", "..")).toAbsolutePath().normalize();
            Path home = Path.of("target", "devstack").toAbsolutePath();
            Devstack devstack = Devstack.start(home, DevstackSettings.forTests(System.getenv()));
            RunningSystem system = new RunningSystem(devstack);
            Runtime.getRuntime().addShutdownHook(new Thread(system::stop, "e2e-shutdown"));
            for (ServiceSpec spec : ServiceSpec.ALL) {
                String database = "e2e_" + spec.database();
                devstack.postgres().recreateDatabase(database);
                system.services.put(spec.database(), new ServiceProcess(spec.module(),
                        ServiceProcess.packagedJar(repository, spec.module()), FreePorts.pick(),
                        devstack.serviceEnvironment(database), home.resolve("logs").resolve(spec.module() + ".log"),
                        Launcher.SERVICE_JVM_OPTIONS));
            }
            CompletableFuture.allOf(system.services.values().stream()
                    .map(service -> CompletableFuture.runAsync(() -> service.startAndAwaitReady(Duration.ofMinutes(3))))
                    .toArray(CompletableFuture[]::new)).join();
            instance = system;
        }
        return instance;
    }

    Devstack devstack() {
        return devstack;
    }

    ServiceProcess applications() {
        return services.get("applications");
    }

    ServiceProcess funding() {
        return services.get("funding");
    }

    ServiceProcess placement() {
        return services.get("placement");
    }

    Map<String, ServiceProcess> services() {
        return services;
    }

    private void stop() {
        services.values().parallelStream().forEach(ServiceProcess::stop);
        devstack.close();
    }
}
