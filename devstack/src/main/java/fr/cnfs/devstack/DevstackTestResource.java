package fr.cnfs.devstack;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} application at devstack: a real Kafka broker, started once per JVM on free ports,
 * the PostgreSQL server with a fresh test database, and dev JWT keys. Declare it once per module with
 * {@code @QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "..."))}.
 */
public class DevstackTestResource implements QuarkusTestResourceLifecycleManager {

    private static Devstack devstack;
    private static String recreatedDatabase;

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("DevstackTestResource needs a 'database' init argument");
        }
    }

    @Override
    public Map<String, String> start() {
        Devstack stack = shared();
        synchronized (DevstackTestResource.class) {
            if (!database.equals(recreatedDatabase)) {
                stack.postgres().recreateDatabase(database);
                recreatedDatabase = database;
            }
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", stack.postgres().jdbcUrl(database),
                "quarkus.datasource.username", stack.postgres().username(),
                "quarkus.datasource.password", stack.postgres().password(),
                "kafka.bootstrap.servers", stack.kafka().bootstrapServers(),
                "mp.jwt.verify.publickey.location", stack.keys().publicKeyFile().toString(),
                "mp.jwt.verify.issuer", DevKeys.ISSUER);
    }

    @Override
    public void stop() {
        // The stack outlives one application start: the JVM's shutdown hook stops it.
    }

    private static synchronized Devstack shared() {
        if (devstack == null) {
            Path home = Path.of("target", "devstack").toAbsolutePath();
            devstack = Devstack.start(home, DevstackSettings.forTests(System.getenv()));
            Runtime.getRuntime().addShutdownHook(new Thread(devstack::close, "devstack-shutdown"));
        }
        return devstack;
    }
}
