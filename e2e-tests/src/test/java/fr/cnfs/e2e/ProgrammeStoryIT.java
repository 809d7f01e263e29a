package fr.cnfs.e2e;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The whole programme on one instance of each service, reconciled to the cent. */
class ProgrammeStoryIT {

    private static volatile ProgrammeStory.Books singleInstanceBooks;

    @Test
    void theWholeProgrammeReconcilesToTheCent() {
        singleInstanceBooks = new ProgrammeStory(RunningSystem.get().programme()).run();
    }

    /** The books of the single-instance run, when it ran in this JVM. */
    static Optional<ProgrammeStory.Books> singleInstanceBooks() {
        return Optional.ofNullable(singleInstanceBooks);
    }
}
