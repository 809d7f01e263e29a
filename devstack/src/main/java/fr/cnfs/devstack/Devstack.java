package fr.cnfs.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The infrastructure every service needs, started the same way for the run command and for the tests:
 * PostgreSQL with the service databases, a Kafka broker, and dev JWT keys.
 */
public final class Devstack implements AutoCloseable {

    public static final List<String> SERVICE_DATABASES = List.of("applications", "funding", "placement");

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final DevKeys keys;

    private Devstack(PostgresServer postgres, KafkaBroker kafka, DevKeys keys) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.keys = keys;
    }

    /**
     * @param home          work folder for broker data, keys and logs
     * @param settings      where PostgreSQL is expected and which ports to use
     */
    public static Devstack start(Path home, DevstackSettings settings) {
        PostgresServer postgres = PostgresServer.connectOrStart(settings.postgresHost(), settings.postgresPort(),
                settings.postgresUser(), settings.postgresPassword(), home, settings.embeddedPostgresPort());
        try {
            KafkaBroker kafka = KafkaBroker.at(home.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
            kafka.start();
            DevKeys keys = DevKeys.generate(home.resolve("jwt"));
            return new Devstack(postgres, kafka, keys);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /**
     * Like {@link #start}, with the broker's topics emptied first: for callers that recreate the service databases,
     * whose services would otherwise consume the events of an earlier run again.
     */
    public static Devstack startWithEmptyTopics(Path home, DevstackSettings settings) {
        Path kafkaData = home.resolve("kafka");
        if (Files.exists(kafkaData)) {
            try (Stream<Path> paths = Files.walk(kafkaData)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot empty " + kafkaData, e);
            }
        }
        return start(home, settings);
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public DevKeys keys() {
        return keys;
    }

    /**
     * The environment an ops team would give a service: standard Quarkus and MicroProfile variable names, plus where
     * applications-service reads the other services' reconciliation figures.
     *
     * @param servicePorts HTTP port per service database name (applications, funding, placement)
     */
    public Map<String, String> serviceEnvironment(String database, Map<String, Integer> servicePorts) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        environment.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toString());
        environment.put("MP_JWT_VERIFY_ISSUER", DevKeys.ISSUER);
        if (servicePorts.containsKey("placement")) {
            environment.put("CNFS_APPLICATIONS_RECONCILIATION_PLACEMENT_URL", "http://127.0.0.1:" + servicePorts.get("placement"));
        }
        if (servicePorts.containsKey("funding")) {
            environment.put("CNFS_APPLICATIONS_RECONCILIATION_FUNDING_URL", "http://127.0.0.1:" + servicePorts.get("funding"));
        }
        return environment;
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            postgres.close();
        }
    }
}
