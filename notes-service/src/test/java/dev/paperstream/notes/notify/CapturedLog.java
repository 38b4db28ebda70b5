package dev.paperstream.notes.notify;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Everything the service logs (through the root logger) while it is started, with parameters filled in. */
final class CapturedLog extends Handler {
    private final StringBuffer text = new StringBuffer();

    static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    void stop() {
        Logger.getLogger("").removeHandler(this);
    }

    String text() {
        return text.toString();
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage()
                : new java.util.logging.SimpleFormatter().formatMessage(record);
        text.append(record.getLoggerName()).append(' ').append(message).append('\n');
        if (record.getThrown() != null) {
            text.append(record.getThrown()).append('\n');
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
