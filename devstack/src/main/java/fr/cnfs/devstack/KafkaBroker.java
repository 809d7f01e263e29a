package fr.cnfs.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), in its own JVM.
 * <p>
 * Its state lives in system properties as well as in this object, so a test loaded by another class loader can stop
 * and restart the same broker (same ports, same data) with {@link #current()}.
 */
public final class KafkaBroker {

    /** The topics of DESIGN §4, created with several partitions so that consumer groups can split them. */
    public static final List<String> CNFS_TOPICS = List.of("cnfs.applications", "cnfs.placements", "cnfs.funding");
    public static final int CNFS_TOPIC_PARTITIONS = 4;

    private static final String PROPERTY_PREFIX = "cnfs.devstack.kafka.";
    private static final String CLUSTER_ID = "Y25mcy1kZXZzdGFjay0x";

    private final Path home;
    private final int port;
    private final int controllerPort;

    private KafkaBroker(Path home, int port, int controllerPort) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A broker with its data in {@code home}; nothing runs until {@link #start()}. */
    public static KafkaBroker at(Path home, int port, int controllerPort) {
        return new KafkaBroker(home.toAbsolutePath(), port, controllerPort);
    }

    /** The broker that a devstack in this JVM started, whichever class loader started it. */
    public static KafkaBroker current() {
        String home = System.getProperty(PROPERTY_PREFIX + "home");
        if (home == null) {
            throw new IllegalStateException("No devstack Kafka broker was started in this JVM");
        }
        return new KafkaBroker(Path.of(home), Integer.getInteger(PROPERTY_PREFIX + "port"),
                Integer.getInteger(PROPERTY_PREFIX + "controller-port"));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(home);
            Path config = writeServerProperties();
            Path log = home.resolve("broker.log");
            ProcessBuilder builder = new ProcessBuilder(DevstackClasspath.javaExecutable(),
                    "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", DevstackClasspath.forChildJvm(),
                    BrokerMain.class.getName(), config.toString(), CLUSTER_ID,
                    String.valueOf(ProcessHandle.current().pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Process process = builder.start();
            System.setProperty(PROPERTY_PREFIX + "home", home.toString());
            System.setProperty(PROPERTY_PREFIX + "port", String.valueOf(port));
            System.setProperty(PROPERTY_PREFIX + "controller-port", String.valueOf(controllerPort));
            System.setProperty(PROPERTY_PREFIX + "pid", String.valueOf(process.pid()));
            awaitReady(process, log, Duration.ofSeconds(90));
            createTopics();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker in " + home, e);
        }
    }

    /** Stops the broker cleanly (SIGTERM), keeping its data for a later {@link #start()}. */
    public synchronized void stop() {
        process().ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
        System.clearProperty(PROPERTY_PREFIX + "pid");
    }

    public boolean isRunning() {
        return process().map(ProcessHandle::isAlive).orElse(false);
    }

    /** The broker's process id while it runs (the benchmark kit reads its CPU time). */
    public java.util.OptionalLong pid() {
        return process().filter(ProcessHandle::isAlive).map(handle -> java.util.OptionalLong.of(handle.pid()))
                .orElse(java.util.OptionalLong.empty());
    }

    public Map<String, Object> clientSettings() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    private java.util.Optional<ProcessHandle> process() {
        String pid = System.getProperty(PROPERTY_PREFIX + "pid");
        if (pid == null || !home.toString().equals(System.getProperty(PROPERTY_PREFIX + "home"))) {
            return java.util.Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(pid));
    }

    private Path writeServerProperties() throws IOException {
        Properties settings = new Properties();
        settings.setProperty("process.roles", "broker,controller");
        settings.setProperty("node.id", "1");
        settings.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        settings.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.setProperty("controller.listener.names", "CONTROLLER");
        settings.setProperty("inter.broker.listener.name", "PLAINTEXT");
        settings.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        settings.setProperty("log.dirs", home.resolve("data").toString());
        settings.setProperty("num.partitions", String.valueOf(CNFS_TOPIC_PARTITIONS));
        settings.setProperty("auto.create.topics.enable", "true");
        settings.setProperty("offsets.topic.replication.factor", "1");
        settings.setProperty("offsets.topic.num.partitions", "4");
        settings.setProperty("transaction.state.log.replication.factor", "1");
        settings.setProperty("transaction.state.log.min.isr", "1");
        settings.setProperty("share.coordinator.state.topic.replication.factor", "1");
        settings.setProperty("share.coordinator.state.topic.min.isr", "1");
        settings.setProperty("group.initial.rebalance.delay.ms", "0");
        settings.setProperty("log.flush.interval.messages", "1");
        Path config = home.resolve("server.properties");
        try (var out = Files.newOutputStream(config)) {
            settings.store(out, "CnFS devstack broker (generated)");
        }
        return config;
    }

    private void awaitReady(Process process, Path log, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited with code " + process.exitValue()
                        + "; see " + log);
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                pause(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The Kafka broker was not ready within " + timeout + "; see " + log, last);
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : CNFS_TOPICS) {
                topics.add(new NewTopic(topic, CNFS_TOPIC_PARTITIONS, (short) 1));
            }
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create the CnFS topics", e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Topic creation timed out", e);
        }
    }

    static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
