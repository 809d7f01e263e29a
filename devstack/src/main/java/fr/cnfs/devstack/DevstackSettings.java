package fr.cnfs.devstack;

import java.util.Map;

/**
 * Where devstack finds or puts things. Every value can be overridden by an environment variable, so the run command
 * works next to whatever already listens on a port.
 *
 * @param embeddedPostgresPort 0 means "the PostgreSQL port if it is free, else any free port"
 */
public record DevstackSettings(
        String postgresHost,
        int postgresPort,
        String postgresUser,
        String postgresPassword,
        int embeddedPostgresPort,
        int kafkaPort,
        int kafkaControllerPort) {

    /** The run command: fixed, documented ports. */
    public static DevstackSettings forRunCommand(Map<String, String> environment) {
        return new DevstackSettings(
                environment.getOrDefault("CNFS_POSTGRES_HOST", "127.0.0.1"),
                Integer.parseInt(environment.getOrDefault("CNFS_POSTGRES_PORT", "5432")),
                environment.getOrDefault("CNFS_POSTGRES_USER", "postgres"),
                environment.getOrDefault("CNFS_POSTGRES_PASSWORD", ""),
                0,
                Integer.parseInt(environment.getOrDefault("CNFS_KAFKA_PORT", "9092")),
                Integer.parseInt(environment.getOrDefault("CNFS_KAFKA_CONTROLLER_PORT", "9093")));
    }

    /** Tests: the same PostgreSQL, but a broker on free ports so a running dev stack is left alone. */
    public static DevstackSettings forTests(Map<String, String> environment) {
        DevstackSettings run = forRunCommand(environment);
        return new DevstackSettings(run.postgresHost(), run.postgresPort(), run.postgresUser(), run.postgresPassword(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick());
    }
}
