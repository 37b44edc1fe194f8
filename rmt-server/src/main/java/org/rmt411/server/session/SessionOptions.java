package org.rmt411.server.session;

import java.time.Duration;
import org.rmt411.protocol.RmtRequestDecoder;
import org.rmt411.protocol.SeekOrder;

/**
 * Per-server settings every session shares.
 *
 * @param maxRecord largest R or W count accepted, in bytes
 * @param seekOrder how {@code L} arguments are ordered ({@link SeekOrder#AUTO} by default)
 * @param trace how much each session writes to the {@code --trace} log
 * @param idleTimeout how long a client may stay silent before its session is ended as if its
 *     input had ended; {@link Duration#ZERO} never ends it
 */
public record SessionOptions(long maxRecord, SeekOrder seekOrder, TraceLevel trace, Duration idleTimeout) {
    /**
     * The embedded idle timeout. Long enough for a person changing tapes between volumes (GNU tar
     * {@code -M} and dump wait at a prompt with the session open), short enough that a client
     * that vanished frees its drive the same day.
     */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(1);

    public SessionOptions {
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idle timeout must not be negative: " + idleTimeout);
        }
    }

    /** Settings with the embedded idle timeout, tracing one line per request or not at all. */
    public SessionOptions(long maxRecord, SeekOrder seekOrder, boolean trace) {
        this(maxRecord, seekOrder, trace ? TraceLevel.LINES : TraceLevel.OFF, DEFAULT_IDLE_TIMEOUT);
    }

    /** These settings with another trace level. */
    public SessionOptions withTrace(TraceLevel level) {
        return new SessionOptions(maxRecord, seekOrder, level, idleTimeout);
    }

    /** The embedded defaults: 16 MiB − 1 records, automatic seek order, no trace, one hour idle. */
    public static SessionOptions defaults() {
        return new SessionOptions(RmtRequestDecoder.DEFAULT_MAX_RECORD, SeekOrder.AUTO, false);
    }

    /** These settings with another idle timeout. */
    public SessionOptions withIdleTimeout(Duration timeout) {
        return new SessionOptions(maxRecord, seekOrder, trace, timeout);
    }
}
