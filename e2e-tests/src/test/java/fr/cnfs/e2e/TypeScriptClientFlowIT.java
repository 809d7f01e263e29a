package fr.cnfs.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.devstack.ServiceProcess;
import fr.cnfs.devstack.Tokens;

/**
 * What a front-end team does with our OpenAPI documents: generate a TypeScript client per service (openapi-generator,
 * failing on any validation issue or generator warning), compile it with tsc, and run the apply → approve → grant flow
 * with it against the running services (clients/typescript/src/flow.ts).
 */
class TypeScriptClientFlowIT {

    private static final Duration NPM_CI = Duration.ofMinutes(5);
    private static final Duration GENERATE = Duration.ofMinutes(5);
    private static final Duration COMPILE = Duration.ofMinutes(3);
    private static final Duration FLOW = Duration.ofMinutes(3);

    private static RunningSystem system;
    private static Path kit;
    private static Path logs;

    @BeforeAll
    static void startTheSystem() throws IOException {
        system = RunningSystem.get();
        Path repository = Path.of(System.getProperty("cnfs.repository.root", "..")).toAbsolutePath().normalize();
        kit = repository.resolve("clients").resolve("typescript");
        logs = Files.createDirectories(Path.of("target", "typescript-client").toAbsolutePath());
    }

    @Test
    void theRunningServicesServeTheStoredDocumentsTheClientsAreGeneratedFrom() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path repository = kit.getParent().getParent();
        for (ServiceProcess service : List.of(system.applications(), system.funding(), system.placement())) {
            Path stored = repository.resolve(service.name()).resolve("openapi").resolve("openapi.json");
            JsonNode served = json.readTree(given().baseUri(service.baseUrl()).queryParam("format", "json")
                    .when().get("/q/openapi").then().statusCode(200).extract().asString());
            assertEquals(json.readTree(stored.toFile()), served, service.name() + " serves another document than "
                    + stored + "; refresh it with ./mvnw -B -pl " + service.name() + " -am package -DskipTests");
        }
    }

    @Test
    void theGeneratedClientsRunTheApplyApproveGrantFlow() throws Exception {
        run("npm-ci", NPM_CI, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
        run("generate", GENERATE, Map.of(), "npm", "run", "generate");
        run("tsc", COMPILE, Map.of(), "npm", "run", "build");

        String siret = Programme.siretOf("216901231");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CNFS_APPLICATIONS_URL", system.applications().baseUrl());
        environment.put("CNFS_FUNDING_URL", system.funding().baseUrl());
        environment.put("CNFS_PLACEMENT_URL", system.placement().baseUrl());
        environment.put("CNFS_STRUCTURE_SIRET", siret);
        environment.put("CNFS_TOKEN_STRUCTURE", Tokens.structure(siret));
        environment.put("CNFS_TOKEN_INSTRUCTEUR", Tokens.instructeur());
        environment.put("CNFS_TOKEN_PREFET", Tokens.prefet("69"));
        environment.put("CNFS_TOKEN_FINANCE", Tokens.finance());
        environment.put("CNFS_TOKEN_ADMIN", Tokens.admin());
        List<String> output = run("flow", FLOW, environment, "npm", "run", "--silent", "flow");

        JsonNode seen = new ObjectMapper().readTree(output.get(output.size() - 1));
        String applicationId = seen.get("applicationId").asText();
        assertEquals("APPROVED", seen.get("status").asText());
        assertEquals(2, seen.get("postIds").size());

        // What the script saw is what the services hold, read here without the generated clients.
        Programme.as(system.applications(), Tokens.instructeur()).when().get("/applications/" + applicationId)
                .then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("prefectOpinion.opinion", equalTo("FAVORABLE"));
        Programme.as(system.funding(), Tokens.finance()).queryParam("applicationId", applicationId)
                .when().get("/grants").then().statusCode(200)
                .body("items[0].id", equalTo(seen.get("grantId").asText()))
                .body("items[0].totalAmount", comparesEqualTo(new BigDecimal("100000.00")));
        List<String> posts = Programme.as(system.placement(), Tokens.admin()).queryParam("applicationId", applicationId)
                .when().get("/posts").then().statusCode(200).extract().path("items.id");
        assertEquals(posts.stream().sorted().toList(),
                List.of(seen.get("postIds").get(0).asText(), seen.get("postIds").get(1).asText()));
    }

    /** Runs a command in the kit; fails with its output unless it ends in time with exit status 0. */
    private static List<String> run(String step, Duration timeout, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Path log = logs.resolve(step + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(kit.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        List<String> output = Files.readAllLines(log);
        assertTrue(ended && process.exitValue() == 0, step + " (" + String.join(" ", command) + ") "
                + (ended ? "exited with " + process.exitValue() : "took more than " + timeout) + ":\n"
                + String.join("\n", output));
        return output;
    }
}
