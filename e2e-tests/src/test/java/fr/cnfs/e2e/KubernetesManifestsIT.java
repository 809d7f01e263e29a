package fr.cnfs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * deploy/kubernetes/&lt;service&gt;.yml: the manifests quarkus-kubernetes generates at package time, kept in the
 * repository so that a reviewer sees every change. Checked for being up to date with the build, read strictly into the
 * Kubernetes API model (a field the API does not know, a wrong type or an unreadable quantity fails), and for what ops
 * rely on: probes on the health endpoints, resources, settings from a ConfigMap and a Secret, a non-root pod.
 */
class KubernetesManifestsIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("cnfs.repository.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("applications-service", "funding-service", "placement-service");
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class, "v1/Service", Service.class, "v1/ConfigMap", ConfigMap.class);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theCommittedManifestsAreThoseTheBuildGenerates() throws IOException {
        for (String service : SERVICES) {
            Path generated = REPOSITORY.resolve(service).resolve("target/kubernetes/kubernetes.yml");
            assertTrue(Files.isRegularFile(generated), service + ": package the service first (" + generated + ")");
            // Compared as documents: the generator keeps the order neither of map keys (labels) nor of named lists (env)
            // from one build to the next, and neither matters to Kubernetes.
            assertEquals(documents(generated), documents(committed(service)),
                    service + ": deploy/kubernetes is stale; copy " + REPOSITORY.relativize(generated) + " over "
                            + REPOSITORY.relativize(committed(service)));
        }
    }

    private List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(file))) {
            if (document != null) {
                documents.add(withNamedListsSorted(json.valueToTree(document)));
            }
        }
        return documents;
    }

    @Test
    void everyManifestIsValidForTheKubernetesApiAndReadyForOps() throws IOException {
        for (String service : SERVICES) {
            List<HasMetadata> resources = read(committed(service));
            Deployment deployment = only(resources, Deployment.class, service);
            Service network = only(resources, Service.class, service);
            ConfigMap settings = only(resources, ConfigMap.class, service);
            assertEquals(service, deployment.getMetadata().getName());

            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(podLabels.entrySet().containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()),
                    service + ": the Deployment's selector does not match its pods");
            assertTrue(podLabels.entrySet().containsAll(network.getSpec().getSelector().entrySet()),
                    service + ": the Service selects no pod of the Deployment");
            assertTrue(deployment.getSpec().getReplicas() >= 2, service + ": a single replica cannot roll without downtime");
            assertEquals(Boolean.TRUE, deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot(),
                    service + ": the pod may run as root");

            List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
            assertEquals(1, containers.size(), service);
            Container container = containers.get(0);
            assertTrue(container.getImage().matches("[\\w./-]+/" + service + ":[\\w.-]+"), service + ": image " + container.getImage());
            int port = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow().getContainerPort();
            assertEquals(port, network.getSpec().getPorts().get(0).getTargetPort().getIntVal(), service + ": Service targetPort");

            assertProbe(container.getLivenessProbe(), "/q/health/live", port, service);
            assertProbe(container.getReadinessProbe(), "/q/health/ready", port, service);

            for (String resource : List.of("cpu", "memory")) {
                Quantity request = container.getResources().getRequests().get(resource);
                Quantity limit = container.getResources().getLimits().get(resource);
                assertTrue(request != null && limit != null, service + ": no " + resource + " request and limit");
                BigDecimal requested = Quantity.getAmountInBytes(request);
                assertTrue(requested.signum() > 0 && requested.compareTo(Quantity.getAmountInBytes(limit)) <= 0,
                        service + ": " + resource + " request " + request + " above limit " + limit);
            }

            var envFrom = container.getEnvFrom();
            assertTrue(envFrom.stream().anyMatch(e -> e.getConfigMapRef() != null
                    && settings.getMetadata().getName().equals(e.getConfigMapRef().getName())), service + ": no ConfigMap settings");
            assertTrue(envFrom.stream().anyMatch(e -> e.getSecretRef() != null
                    && (service + "-secrets").equals(e.getSecretRef().getName())), service + ": no Secret reference");
            assertTrue(settings.getData().containsKey("QUARKUS_DATASOURCE_JDBC_URL")
                    && settings.getData().containsKey("KAFKA_BOOTSTRAP_SERVERS"), service + ": ConfigMap " + settings.getData().keySet());
            assertFalse(settings.getData().keySet().stream().anyMatch(key -> key.contains("PASSWORD")),
                    service + ": a password belongs in the Secret, not the ConfigMap");
            assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/deployments/jwt")),
                    service + ": the issuer's public key is not mounted where mp.jwt.verify.publickey.location expects it");
        }
    }

    @Test
    void theStrictReadingRefusesWhatTheApiWouldRefuse() {
        List<String> problems = new ArrayList<>();
        checkResource(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", Map.of("name", "x"),
                "spec", Map.of("replica", 2)), problems);
        assertEquals(List.of("x.spec: unknown field [replica]"), problems);

        problems.clear();
        checkResource(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", Map.of("name", "y"),
                "spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(Map.of("name", "y", "image", "y:1",
                        "resources", Map.of("limits", Map.of("memory", "lots")))))))), problems);
        assertTrue(problems.size() == 1 && problems.get(0).startsWith("y") && problems.get(0).contains("lots"),
                problems.toString());

        problems.clear();
        checkResource(Map.of("apiVersion", "batch/v1", "kind", "CronJob", "metadata", Map.of("name", "x")), problems);
        assertEquals(List.of("x: unexpected kind batch/v1/CronJob"), problems);
    }

    private static void assertProbe(Probe probe, String path, int port, String service) {
        assertTrue(probe != null && probe.getHttpGet() != null, service + ": no HTTP probe on " + path);
        HTTPGetAction get = probe.getHttpGet();
        assertEquals(path, get.getPath(), service);
        IntOrString probePort = get.getPort();
        assertTrue(Integer.valueOf(port).equals(probePort.getIntVal()) || "http".equals(probePort.getStrVal()),
                service + ": " + path + " probed on port " + probePort);
    }

    private static JsonNode withNamedListsSorted(JsonNode node) {
        if (node.isObject()) {
            var object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            fields.forEach(field -> object.set(field, withNamedListsSorted(object.get(field))));
            return object;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(withNamedListsSorted(item)));
            if (!items.isEmpty() && items.stream().allMatch(item -> item.path("name").isTextual())) {
                items.sort(java.util.Comparator.comparing(item -> item.path("name").asText()));
            }
            var array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            items.forEach(array::add);
            return array;
        }
        return node;
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> resources, Class<T> kind, String service) {
        List<T> found = resources.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertEquals(1, found.size(), service + ": " + kind.getSimpleName() + " count");
        return found.get(0);
    }

    private List<HasMetadata> read(Path file) throws IOException {
        List<HasMetadata> resources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(file))) {
            if (document != null) {
                HasMetadata resource = checkResource(document, problems);
                if (resource != null) {
                    resources.add(resource);
                }
            }
        }
        assertEquals(List.of(), problems, file.toString());
        return resources;
    }

    /** Reads one YAML document into its API type, adding to {@code problems} whatever the API would not accept. */
    private HasMetadata checkResource(Object document, List<String> problems) {
        JsonNode node = json.valueToTree(document);
        String name = node.at("/metadata/name").asText("?");
        String kind = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
            problems.add(name + ": unexpected kind " + kind);
            return null;
        }
        HasMetadata resource;
        try {
            resource = json.treeToValue(node, type);
        } catch (IOException e) {
            problems.add(name + ": " + e.getMessage());
            return null;
        }
        unknownFields(resource, name, problems);
        return resource;
    }

    /**
     * The model keeps any field it does not know in {@code additionalProperties} instead of failing: walk every object
     * of the tree and report them, so a misspelt or misplaced field fails here as it would on the API server.
     */
    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + index++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> unknownFields(item, path + "." + key, problems));
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        if (value instanceof Quantity quantity) {
            try {
                Quantity.getAmountInBytes(quantity);
            } catch (RuntimeException e) {
                problems.add(path + ": invalid quantity " + quantity.getAmount() + quantity.getFormat());
            }
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class || java.lang.reflect.Modifier.isStatic(getter.getModifiers())) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                problems.add(path + ": " + getter.getName() + " unreadable: " + e.getCause());
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                Set<?> unknown = child instanceof Map<?, ?> extra ? extra.keySet() : Set.of();
                if (!unknown.isEmpty()) {
                    problems.add(path + ": unknown field " + unknown);
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            unknownFields(child, path + "." + field, problems);
        }
    }

    private static Path committed(String service) {
        return REPOSITORY.resolve("deploy/kubernetes").resolve(service + ".yml");
    }
}
