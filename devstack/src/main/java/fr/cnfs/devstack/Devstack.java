package fr.cnfs.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public DevKeys keys() {
        return keys;
    }

    /** The environment an ops team would give a service: standard Quarkus and MicroProfile variable names. */
    public Map<String, String> serviceEnvironment(String database) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                "QUARKUS_DATASOURCE_PASSWORD", postgres.password(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toString(),
                "MP_JWT_VERIFY_ISSUER", DevKeys.ISSUER);
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
