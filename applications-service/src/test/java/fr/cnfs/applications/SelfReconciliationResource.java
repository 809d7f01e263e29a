package fr.cnfs.applications;

import java.util.Map;

import fr.cnfs.devstack.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Reconciliation reads placement's and funding's figures over HTTP. Those services do not run in this module's tests;
 * the plumbing serves the same figures endpoint here, so reconciliation is pointed at this very application, on a
 * free port fixed for the run. A test resource rather than a test profile: a profile would restart the application
 * and, with it, devstack in a new class loader.
 */
public class SelfReconciliationResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port = FreePorts.pick();
        String self = "http://localhost:" + port;
        return Map.of("quarkus.http.test-port", String.valueOf(port),
                "cnfs.applications.reconciliation.placement-url", self,
                "cnfs.applications.reconciliation.funding-url", self);
    }

    @Override
    public void stop() {
    }
}
