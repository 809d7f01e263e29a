package fr.cnfs.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    private static final Instant PACKAGED = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path repository;

    @Test
    void aStartMapsTheTrainedArchiveOnlyWhileItIsNewerThanTheJarAndTheBuildsArchive() throws IOException {
        Path app = Files.createDirectories(repository.resolve("funding-service/target/quarkus-app"));
        assertEquals(Optional.empty(), chosen(), "nothing written yet");

        write(app.resolve("quarkus-run.jar"), PACKAGED);
        Path built = write(app.resolve(ServiceProcess.CLASS_DATA_ARCHIVE), PACKAGED.plusSeconds(20));
        assertEquals(Optional.of(built), chosen(), "the build's archive");

        Path trained = write(app.resolve(ServiceProcess.TRAINED_CLASS_DATA_ARCHIVE), PACKAGED.plusSeconds(600));
        assertEquals(Optional.of(trained), chosen(), "a training run after the build");

        write(app.resolve("quarkus-run.jar"), PACKAGED.plusSeconds(900));
        write(built, PACKAGED.plusSeconds(920));
        assertEquals(Optional.of(built), chosen(), "packaged again: the training run is out of date");

        Files.delete(built);
        assertEquals(Optional.empty(), chosen(), "an out-of-date training run is never used, even alone");
    }

    private Optional<Path> chosen() {
        return ServiceProcess.classDataArchive(repository, "funding-service");
    }

    private static Path write(Path file, Instant modified) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, "x");
        }
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
