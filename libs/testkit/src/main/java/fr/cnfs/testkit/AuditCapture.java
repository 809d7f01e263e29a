package fr.cnfs.testkit;

import java.util.List;
import java.util.logging.Level;

/** Listens to the audit trail (the {@code cnfs.audit} log category) of the application under test. */
public final class AuditCapture implements AutoCloseable {

    private static final String CATEGORY = "cnfs.audit";

    private final LogCapture capture = LogCapture.start(CATEGORY, Level.ALL);

    private AuditCapture() {
    }

    public static AuditCapture start() {
        return new AuditCapture();
    }

    public void clear() {
        capture.clear();
    }

    public List<String> lines() {
        return capture.lines();
    }

    @Override
    public void close() {
        capture.close();
    }
}
