package fr.cnfs.testkit;

import java.util.IllegalFormatException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Listens to one log category (and those under it) of the application under test, from a level up. */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final Handler handler;

    private LogCapture(String category, Level minimum) {
        this.logger = Logger.getLogger(category);
        this.handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= minimum.intValue()) {
                    lines.add(formatted(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
    }

    /** printf-style, as the application's loggers write; a message in another style is kept as written. */
    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters == null || parameters.length == 0) {
            return record.getMessage();
        }
        try {
            return String.format(record.getMessage(), parameters);
        } catch (IllegalFormatException e) {
            return record.getMessage();
        }
    }

    public static LogCapture start(String category, Level minimum) {
        return new LogCapture(category, minimum);
    }

    public void clear() {
        lines.clear();
    }

    /** The messages logged so far, formatted. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
