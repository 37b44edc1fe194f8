package org.rmt411.client;

import org.rmt411.protocol.SeekOrder;

/**
 * How the client speaks to a particular server family; the defaults suit rmt411 and every
 * BSD-lineage server (dump's rmt, star).
 *
 * @param seekOrder argument order of {@code L}: {@link SeekOrder#OFFSET_FIRST} (BSD, dump,
 *     rmt411) or {@link SeekOrder#WHENCE_FIRST} (GNU rmt ≥1.23); AUTO is not a client choice
 * @param status how status is fetched
 * @param writeWindow how many {@code W} requests may await their replies at once (1 = none
 *     pipelined)
 */
public record RmtDialect(SeekOrder seekOrder, StatusRequest status, int writeWindow) {
    /** The largest write window accepted. */
    public static final int MAX_WRITE_WINDOW = 256;

    /** Offset-first seeks, automatic status, up to 32 writes in flight. */
    public static final RmtDialect DEFAULT = new RmtDialect(SeekOrder.OFFSET_FIRST, StatusRequest.AUTO, 32);

    /** Validates the window and the seek order. */
    public RmtDialect {
        if (seekOrder == SeekOrder.AUTO) {
            throw new IllegalArgumentException("a client must pick a seek order; AUTO is for servers");
        }
        if (writeWindow < 1 || writeWindow > MAX_WRITE_WINDOW) {
            throw new IllegalArgumentException("write window must be 1.." + MAX_WRITE_WINDOW + ": " + writeWindow);
        }
    }

    /** This dialect with another seek order. */
    public RmtDialect withSeekOrder(SeekOrder order) {
        return new RmtDialect(order, status, writeWindow);
    }

    /** This dialect with another status request. */
    public RmtDialect withStatus(StatusRequest request) {
        return new RmtDialect(seekOrder, request, writeWindow);
    }

    /** This dialect with another write window. */
    public RmtDialect withWriteWindow(int window) {
        return new RmtDialect(seekOrder, status, window);
    }

    /** How {@link RemoteTape#status()} asks for the drive status. */
    public enum StatusRequest {
        /**
         * Send {@code I-1} once; an RMT V1 server (dump's rmt, star, rmt411) answers {@code A1} and
         * is asked field by field with {@code s}; any other is sent {@code S⏎} (GNU rmt).
         */
        AUTO,
        /** {@code s} fields only (after the V1 handshake). */
        FIELDS,
        /** {@code S⏎}: GNU rmt, which is line based. */
        STRUCT_LINE,
        /** Bare {@code S}: BSD-lineage servers, for which a newline would be a garbage command. */
        STRUCT_BARE
    }
}
