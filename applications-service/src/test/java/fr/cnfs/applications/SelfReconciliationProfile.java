package fr.cnfs.applications;

import java.util.Map;

import fr.cnfs.devstack.FreePorts;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Reconciliation reads placement's and funding's figures over HTTP. Those services do not run in this module's tests;
 * the plumbing serves the same figures endpoint here, so reconciliation is pointed at this very application on a
 * fixed free port, and answers (with differences) instead of 503.
 */
public class SelfReconciliationProfile implements QuarkusTestProfile {

    private static final int PORT = FreePorts.pick();

    @Override
    public Map<String, String> getConfigOverrides() {
        String self = "http://localhost:" + PORT;
        return Map.of("quarkus.http.test-port", String.valueOf(PORT),
                "cnfs.applications.reconciliation.placement-url", self,
                "cnfs.applications.reconciliation.funding-url", self);
    }
}
