package fr.cnfs.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The classpath a child JVM needs to run devstack code with its optional dependencies (the Kafka broker):
 * devstack's own classes plus the runtime classpath Maven recorded at build time in {@code devstack.classpath}.
 */
final class DevstackClasspath {

    private DevstackClasspath() {
    }

    static String forChildJvm() {
        try (InputStream recorded = DevstackClasspath.class.getResourceAsStream("/devstack.classpath")) {
            if (recorded == null) {
                throw new IllegalStateException("devstack.classpath is missing: build the devstack module with Maven");
            }
            String dependencies = new String(recorded.readAllBytes(), StandardCharsets.UTF_8).trim();
            Path ownClasses = Path.of(DevstackClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return ownClasses + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
