package fr.cnfs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Each service's Dockerfile.jvm, linted for what ops expect (see {@link DockerfileLint}); no Docker engine needed. */
class ContainerImagesIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("cnfs.repository.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("applications-service", "funding-service", "placement-service");

    @Test
    void everyServiceImageIsSmallUnprivilegedHealthCheckedAndSizedByItsContainer() throws IOException {
        for (String service : SERVICES) {
            DockerfileLint dockerfile = DockerfileLint.parse(Files.readString(dockerfileOf(service)));
            assertEquals(List.of(), dockerfile.problems(), service);
        }
    }

    @Test
    void theComposeFileAndTheHealthChecksUseThePortTheImageExposes() throws IOException {
        Map<String, Object> compose;
        try (InputStream file = Files.newInputStream(REPOSITORY.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(file);
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        for (String service : SERVICES) {
            int port = DockerfileLint.parse(Files.readString(dockerfileOf(service))).exposedPort().orElseThrow();
            @SuppressWarnings("unchecked")
            List<String> ports = (List<String>) services.get(service).get("ports");
            assertTrue(ports.stream().allMatch(mapping -> mapping.endsWith(":" + port)), service + " maps " + ports);
        }
        // Services call each other on the compose network, where each listens on the image's port.
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) services.get("applications-service").get("environment");
        int placementPort = DockerfileLint.parse(Files.readString(dockerfileOf("placement-service"))).exposedPort().orElseThrow();
        int fundingPort = DockerfileLint.parse(Files.readString(dockerfileOf("funding-service"))).exposedPort().orElseThrow();
        assertEquals("http://placement-service:" + placementPort, environment.get("CNFS_APPLICATIONS_RECONCILIATION_PLACEMENT_URL"));
        assertEquals("http://funding-service:" + fundingPort, environment.get("CNFS_APPLICATIONS_RECONCILIATION_FUNDING_URL"));
    }

    @Test
    void theLintCatchesAnImageOpsWouldRefuse() {
        DockerfileLint careless = DockerfileLint.parse("""
                # a full JDK, run as root, no health check, a fixed heap
                FROM eclipse-temurin:latest
                COPY target/quarkus-app/ /deployments/
                EXPOSE 8080
                USER root
                ENV JAVA_OPTS="-Xmx2g"
                ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
                """);
        List<String> problems = careless.problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("runtime base")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("is root")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.equals("no HEALTHCHECK")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("no -XX:MaxRAMPercentage")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("a fixed -Xmx")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("COPY without")), problems.toString());

        DockerfileLint wrongProbe = DockerfileLint.parse("""
                FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23
                COPY --chown=185 target/quarkus-app/ /deployments/
                EXPOSE 8080
                USER 185
                ENV JAVA_OPTS_APPEND="-XX:MaxRAMPercentage=70.0"
                HEALTHCHECK --interval=10s --start-period=30s \\
                  CMD curl -fsS http://localhost:9000/q/health/ready || exit 1
                """);
        assertEquals(List.of("HEALTHCHECK probes port 9000 but the image exposes 8080"), wrongProbe.problems());
    }

    private static Path dockerfileOf(String service) {
        return REPOSITORY.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
    }
}
