package org.rmt411.server.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Handler;
import java.util.TimeZone;
import java.util.logging.LogRecord;

/**
 * Writes each record as one line, {@code 2026-12-01T10:16:24.123Z rmt-server INFO: message},
 * in a single write so concurrent writers (threads, or processes sharing a file) never interleave
 * inside a line. {@link #close()} only flushes: the JDK's shutdown hook closes every handler, and
 * the sessions ending during shutdown still have lines to log.
 */
final class LineHandler extends Handler {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final OutputStream out;

    LineHandler(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String line = timestamp(record.getInstant()) + " rmt-server "
                + record.getLevel().getName() + ": " + Lines.text(record) + "\n";
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Nowhere left to report it: a log that cannot be written must not stop the server.
        }
    }

    /**
     * The time in the system's zone. The offset comes from {@link TimeZone}, not from
     * {@code ZoneId}'s rules: those would make the JDK read and parse its time-zone database a
     * second time (TzdbZoneRulesProvider) for the same answer, several ms of CPU in every
     * short-lived server that tar, cpio or mt start over ssh.
     */
    static String timestamp(Instant instant) {
        int offsetMillis = TimeZone.getDefault().getOffset(instant.toEpochMilli());
        return TIME.format(instant.atOffset(ZoneOffset.ofTotalSeconds(offsetMillis / 1000)));
    }

    /** Where the lines go; plain prints to stderr must share it (one file offset). */
    OutputStream out() {
        return out;
    }

    @Override
    public void flush() {
        // Every record is written straight through.
    }

    @Override
    public void close() {
        flush();
    }
}
