package kz.prevention.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Every record the running gateway logs while a test runs (a handler on the root logger, which
 * Vert.x's loggers reach too), with one category opened to DEBUG so its quiet records can be
 * looked for as well. Closing it removes the handler and restores the category's level.
 */
final class CapturedLog extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger debugCategory;
    private final Level previousLevel;

    private CapturedLog(String debugCategory) {
        this.debugCategory = Logger.getLogger(debugCategory);
        this.previousLevel = this.debugCategory.getLevel();
        setLevel(Level.ALL);
    }

    static CapturedLog withDebugOf(String category) {
        CapturedLog log = new CapturedLog(category);
        log.debugCategory.setLevel(Level.FINE);
        Logger.getLogger("").addHandler(log);
        return log;
    }

    /** Warnings and errors, from any logger. */
    List<LogRecord> incidents() {
        return matching(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
    }

    List<LogRecord> matching(Predicate<LogRecord> test) {
        return records.stream().filter(test).toList();
    }

    static String text(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        return record.getLevel() + " [" + record.getLoggerName() + "] " + message
                + (record.getThrown() == null ? "" : " (thrown: " + record.getThrown() + ")");
    }

    static List<String> texts(List<LogRecord> records) {
        return records.stream().map(CapturedLog::text).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        debugCategory.setLevel(previousLevel);
    }
}
