package fr.cnfs.devstack;

import kafka.tools.StorageTool;

/**
 * Entry point of the broker's own JVM: formats the KRaft storage if needed, then runs {@code kafka.Kafka}.
 * It halts when the JVM that started it is gone, so a killed test run or launcher leaves no stray broker.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: BrokerMain <server.properties> <cluster-id> <parent-pid>");
            System.exit(2);
        }
        String config = args[0];
        String clusterId = args[1];
        long parentPid = Long.parseLong(args[2]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)),
                () -> Runtime.getRuntime().halt(3));

        int formatted = StorageTool.execute(new String[] { "format", "-t", clusterId, "-c", config,
                "--ignore-formatted" }, System.out);
        if (formatted != 0) {
            System.err.println("Kafka storage format failed with exit code " + formatted);
            System.exit(formatted);
        }
        kafka.Kafka.main(new String[] { config });
    }
}
