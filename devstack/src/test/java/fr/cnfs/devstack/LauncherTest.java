package fr.cnfs.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void theNativeHeapIsTrimmedOnlyByTheJdksThatHaveTheOption() {
        for (String version : List.of("17.0.9", "17.0.15", "21.0.1", "21.0.5", "22", "25.0.1")) {
            assertTrue(Launcher.trimsNativeHeap(Runtime.Version.parse(version)), version);
            assertTrue(Launcher.serviceJvmOptions(Runtime.Version.parse(version))
                    .contains("-XX:TrimNativeHeapInterval=5000"), version);
        }
        for (String version : List.of("17", "17.0.8", "18.0.2", "20.0.2", "21")) {
            assertFalse(Launcher.trimsNativeHeap(Runtime.Version.parse(version)), version);
            assertFalse(Launcher.serviceJvmOptions(Runtime.Version.parse(version)).stream()
                    .anyMatch(option -> option.contains("TrimNativeHeap") || option.contains("Experimental")), version);
        }
    }

    @Test
    void eachServiceRunsAsManyWorkerThreadsAsDatabaseConnections() throws IOException {
        Properties plumbingDefaults = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("..", "libs", "service-plumbing", "src", "main", "resources",
                "META-INF", "microprofile-config.properties"))) {
            plumbingDefaults.load(reader);
        }
        int connections = Integer.parseInt(plumbingDefaults.getProperty("quarkus.datasource.jdbc.max-size"));
        assertEquals(connections, Launcher.WORKER_THREADS);
        assertTrue(Launcher.SERVICE_JVM_OPTIONS.contains("-Dquarkus.thread-pool.max-threads=" + connections),
                Launcher.SERVICE_JVM_OPTIONS.toString());
    }

    @Test
    void thisJdkAcceptsEveryServiceJvmOption() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DevstackClasspath.javaExecutable()));
        command.addAll(Launcher.SERVICE_JVM_OPTIONS);
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(30, TimeUnit.SECONDS), output);
        assertEquals(0, java.exitValue(), output);
        assertFalse(output.contains("Unrecognized") || output.contains("Error"), output);
    }
}
