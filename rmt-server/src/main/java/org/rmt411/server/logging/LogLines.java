package org.rmt411.server.logging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * What {@link System#err} (and {@link System#out} when it is a socket) become when standard
 * error is not the log: each printed line turns into a record of the log, so a stray print or
 * an uncaught exception's trace can never reach the rmt connection. Records go to the handler
 * itself, not through a logger, so they survive the JDK resetting its loggers at shutdown.
 */
final class LogLines extends OutputStream {
    private static final String PREFIX = "rmt-server: ";

    private final Handler handler;
    private final Level level;
    private final String source;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LogLines(Handler handler, Level level, String source) {
        this.handler = handler;
        this.level = level;
        this.source = source;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            publish();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    private void publish() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            return;
        }
        // The handler names the program already.
        LogRecord record = new LogRecord(level, text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text);
        record.setLoggerName(source);
        handler.publish(record);
    }
}
