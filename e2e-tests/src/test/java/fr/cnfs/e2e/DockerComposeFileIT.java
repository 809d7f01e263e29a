package fr.cnfs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * docker-compose.yml, validated without a Docker engine: against the Compose Specification schema, for what ops rely
 * on (health checks, healthy dependencies, limits, volumes), and by docker-compose itself where it is installed
 * (CI installs it).
 */
class DockerComposeFileIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("cnfs.repository.root", "..")).toAbsolutePath().normalize();
    private static final Path COMPOSE_FILE = REPOSITORY.resolve("docker-compose.yml");
    private static final List<String> APPLICATION_SERVICES = List.of("applications-service", "funding-service",
            "placement-service");

    private final JsonNode compose = load();

    @Test
    void conformsToTheComposeSpecification() throws Exception {
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
        Set<ValidationMessage> errors = schema.validate(compose);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void everyContainerIsHealthCheckedRestartedAndLimited() {
        compose.get("services").fields().forEachRemaining(service -> {
            JsonNode definition = service.getValue();
            assertTrue(definition.has("healthcheck"), service.getKey() + " has no healthcheck");
            assertEquals("unless-stopped", definition.path("restart").asText(), service.getKey());
            assertTrue(definition.at("/deploy/resources/limits/memory").isTextual(), service.getKey() + " has no memory limit");
        });
    }

    @Test
    void theServicesHaveTimeToStopGracefully() {
        for (String name : APPLICATION_SERVICES) {
            assertEquals("30s", compose.at("/services/" + name + "/stop_grace_period").asText(), name);
        }
    }

    @Test
    void theServicesWaitForHealthyInfrastructureAndGetEverySettingFromTheEnvironment() {
        for (String name : APPLICATION_SERVICES) {
            JsonNode service = compose.at("/services/" + name);
            assertEquals("service_healthy", service.at("/depends_on/postgres/condition").asText(), name);
            assertEquals("service_healthy", service.at("/depends_on/kafka/condition").asText(), name);
            for (String variable : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                    "MP_JWT_VERIFY_ISSUER")) {
                assertTrue(service.at("/environment/" + variable).isTextual(), name + " lacks " + variable);
            }
            assertTrue(Files.isRegularFile(REPOSITORY.resolve(name).resolve(service.at("/build/dockerfile").asText())),
                    name + " has no Dockerfile");
        }
        assertTrue(compose.at("/volumes").has("postgres-data") && compose.at("/volumes").has("kafka-data"));
        assertTrue(Files.isExecutable(REPOSITORY.resolve("deploy/postgres/init-databases.sh")));
    }

    @Test
    void theDataLivesInNamedVolumesAndEveryRequiredVariableIsInTheEnvExample() throws Exception {
        // Named volumes (not bind mounts, not the container's layer) on the data directories the images use.
        assertTrue(mounts("postgres").contains("postgres-data:/var/lib/postgresql/data"), mounts("postgres").toString());
        String kafkaLogDirs = compose.at("/services/kafka/environment/KAFKA_LOG_DIRS").asText();
        assertTrue(mounts("kafka").contains("kafka-data:" + kafkaLogDirs), mounts("kafka") + " vs " + kafkaLogDirs);

        String text = Files.readString(COMPOSE_FILE);
        Set<String> required = new java.util.TreeSet<>();
        var reference = java.util.regex.Pattern.compile("\\$\\{([A-Z0-9_]+)(:?\\?[^}]*)?\\}").matcher(text);
        while (reference.find()) {
            required.add(reference.group(1));
        }
        java.util.Properties example = new java.util.Properties();
        try (var reader = Files.newBufferedReader(REPOSITORY.resolve(".env.example"))) {
            example.load(reader);
        }
        assertTrue(required.contains("JWT_ISSUER") && required.contains("POSTGRES_PASSWORD"), required.toString());
        for (String variable : required) {
            assertTrue(example.containsKey(variable), ".env.example does not set " + variable);
        }
        // A CPU limit besides the memory limit checked above: a busy service cannot starve the database.
        for (String name : APPLICATION_SERVICES) {
            assertTrue(compose.at("/services/" + name + "/deploy/resources/limits/cpus").isTextual(), name + " has no CPU limit");
        }
    }

    private List<String> mounts(String service) {
        List<String> mounts = new java.util.ArrayList<>();
        compose.at("/services/" + service + "/volumes").forEach(volume -> mounts.add(volume.asText()));
        return mounts;
    }

    @Test
    void dockerComposeItselfAcceptsTheFileWhereItIsInstalled() throws Exception {
        if (!onPath("docker-compose")) {
            System.out.println("docker-compose is not installed here: validated against the schema only");
            return;
        }
        Process process = new ProcessBuilder("docker-compose", "--env-file", ".env.example", "-f", "docker-compose.yml",
                "config", "-q")
                .directory(REPOSITORY.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode load() {
        try (InputStream file = Files.newInputStream(COMPOSE_FILE)) {
            Map<String, Object> document = new Yaml().load(file);
            return new ObjectMapper().valueToTree(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
