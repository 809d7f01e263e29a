package fr.cnfs.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the services use: the one already answering at the configured address if there is one, else an
 * embedded PostgreSQL (zonky binaries from Maven Central) that this process starts and stops.
 */
public final class PostgresServer implements AutoCloseable {

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final Path embeddedDataDirectory;
    private EmbeddedPostgres embedded;

    private PostgresServer(String host, int port, String username, String password, EmbeddedPostgres embedded,
            Path embeddedDataDirectory) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
        this.embeddedDataDirectory = embeddedDataDirectory;
    }

    /**
     * Uses the server at {@code host:port} if it accepts {@code username}; otherwise starts an embedded one with
     * its data under {@code home}, on {@code port} when {@code embeddedPort} is 0 and on {@code embeddedPort} else.
     */
    public static PostgresServer connectOrStart(String host, int port, String username, String password, Path home,
            int embeddedPort) {
        if (FreePorts.answers(host, port) && canConnect(host, port, username, password)) {
            return new PostgresServer(host, port, username, password, null, null);
        }
        try {
            Path dataDirectory = home.resolve("postgres").toAbsolutePath();
            deleteRecursively(dataDirectory);
            Files.createDirectories(dataDirectory);
            int chosenPort = embeddedPort != 0 ? embeddedPort : (FreePorts.answers("127.0.0.1", port) ? FreePorts.pick() : port);
            return new PostgresServer("127.0.0.1", chosenPort, "postgres", "", startEmbedded(dataDirectory, chosenPort),
                    dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL at " + host + ":" + port
                    + " and the embedded one could not start", e);
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates the database if it does not exist. */
    public void ensureDatabase(String database) {
        requireSimpleName(database);
        try (Connection connection = adminConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet resultSet = exists.executeQuery()) {
                if (resultSet.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot create database " + database, e);
            }
        }
    }

    /** Drops and creates the database: tests start from an empty schema. */
    public void recreateDatabase(String database) {
        requireSimpleName(database);
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            statement.execute("CREATE DATABASE \"" + database + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recreate database " + database, e);
        }
    }

    /**
     * Stops the server, as a crash or a maintenance would: an embedded server through pg_ctl (fast shutdown), the
     * machine's server through {@code pg_ctlcluster}. Committed data survives; {@link #startServer()} brings it back.
     */
    public synchronized void stopServer() {
        if (embedded != null) {
            closeEmbedded();
        } else {
            runClusterCommand("stop");
        }
    }

    public synchronized void startServer() {
        if (embeddedDataDirectory != null) {
            try {
                embedded = startEmbedded(embeddedDataDirectory, port);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot restart the embedded PostgreSQL", e);
            }
        } else {
            runClusterCommand("start");
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            closeEmbedded();
        }
    }

    private void closeEmbedded() {
        try {
            embedded.close();
            embedded = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres startEmbedded(Path dataDirectory, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
    }

    /** The Debian cluster that listens on this port, driven with pg_ctlcluster (root or postgres user). */
    private void runClusterCommand(String action) {
        try {
            Process list = new ProcessBuilder("pg_lsclusters", "--no-header").redirectErrorStream(true).start();
            String clusters = new String(list.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            list.waitFor();
            for (String line : clusters.split("\\R")) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length >= 3 && columns[2].equals(String.valueOf(port))) {
                    java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of("pg_ctlcluster",
                            "--skip-systemctl-redirect", columns[0], columns[1], action));
                    if ("stop".equals(action)) {
                        arguments.addAll(java.util.List.of("--", "-m", "fast"));
                    }
                    Process command = new ProcessBuilder(arguments).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    if (command.waitFor() != 0) {
                        throw new IllegalStateException("pg_ctlcluster " + action + " failed with " + command.exitValue());
                    }
                    return;
                }
            }
            throw new IllegalStateException("No PostgreSQL cluster listens on port " + port);
        } catch (IOException e) {
            throw new UncheckedIOException("pg_ctlcluster is needed to " + action + " the machine's PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), properties(username, password));
    }

    private static boolean canConnect(String host, int port, String username, String password) {
        try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
                properties(username, password))) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Properties properties(String username, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "3");
        return properties;
    }

    private static void requireSimpleName(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Unexpected database name " + database);
        }
    }
}
