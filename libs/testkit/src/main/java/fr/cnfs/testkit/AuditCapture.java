package fr.cnfs.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Listens to the audit trail (the {@code cnfs.audit} log category) of the application under test. */
public final class AuditCapture implements AutoCloseable {

    private static final String CATEGORY = "cnfs.audit";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(CATEGORY);
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            Object[] parameters = record.getParameters();
            lines.add(parameters == null ? record.getMessage() : String.format(record.getMessage(), parameters));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private AuditCapture() {
        logger.addHandler(handler);
    }

    public static AuditCapture start() {
        return new AuditCapture();
    }

    public void clear() {
        lines.clear();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
