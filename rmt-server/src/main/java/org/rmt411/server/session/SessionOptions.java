package org.rmt411.server.session;

import org.rmt411.protocol.RmtRequestDecoder;
import org.rmt411.protocol.SeekOrder;

/**
 * Per-server settings every session shares.
 *
 * @param maxRecord largest R or W count accepted, in bytes
 * @param seekOrder how {@code L} arguments are ordered ({@link SeekOrder#AUTO} by default)
 * @param trace whether each session writes {@code --trace} lines to stderr
 */
public record SessionOptions(long maxRecord, SeekOrder seekOrder, boolean trace) {
    /** The embedded defaults: 16 MiB − 1 records, automatic seek order, no trace. */
    public static SessionOptions defaults() {
        return new SessionOptions(RmtRequestDecoder.DEFAULT_MAX_RECORD, SeekOrder.AUTO, false);
    }
}
