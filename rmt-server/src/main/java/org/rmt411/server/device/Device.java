package org.rmt411.server.device;

import java.io.Closeable;
import java.io.IOException;
import org.rmt411.protocol.MtStatus;

/**
 * What an rmt session drives once a name is open: a plain file or a tape drive. The session
 * owns the protocol; a device only moves bytes and positions, and reports failures as
 * exceptions that {@link ErrnoMapper} turns into errno replies.
 */
public interface Device extends Closeable {

    /**
     * Serves {@code R<count>}: decides how many bytes to return (at most {@code count}, 0 at end
     * of file or at a filemark), calls {@link ReadReply#begin} exactly once with that number and
     * writes exactly that many bytes to the channel it returns (in as many writes as suits; a
     * direct buffer avoids a copy).
     *
     * @throws IOException before {@code begin} for an error reply; after {@code begin} the
     *     connection is beyond repair and is closed
     */
    void read(long count, ReadReply reply) throws IOException;

    /**
     * Serves {@code W}: writes the whole payload as one record (a tape) or one run of bytes (a
     * file), taking it in chunks as it arrives. When the payload is cut short, or the device
     * fails part way, what this W wrote is undone before the exception leaves (no partial record
     * on a tape, a file cut back to its length before the W) and the position is unchanged.
     * A device may refuse before taking any byte; the session discards what it did not take.
     *
     * @throws IOException for an error reply (E28 at the end of a tape, for example), or
     *     {@link PayloadCutShortException} when input ended inside the payload
     */
    void write(Payload data) throws IOException;

    /**
     * Serves {@code L} after the argument order has been resolved.
     *
     * @param whence 0 SEEK_SET, 1 SEEK_CUR, 2 SEEK_END
     * @return the new position for the {@code A} reply
     */
    long seek(long offset, int whence) throws IOException;

    /**
     * Serves {@code I}/{@code i} with a Linux MTIOCTOP op (already translated from RMT V1
     * numbering by the session).
     *
     * @return the value of the {@code A} reply; BSD, dump and star servers echo the count
     */
    long ioctl(int op, int count) throws IOException;

    /** Serves {@code S} and {@code s<c>}: the MTIOCGET result. */
    MtStatus status() throws IOException;

    /**
     * Serves the rmt411 headroom query ({@link org.rmt411.protocol.Headroom}): how many bytes of
     * records can still be written here, from the current position, with every one of them
     * succeeding. A device that cannot promise anything refuses.
     */
    default long headroom() throws IOException {
        throw new org.rmt411.protocol.RmtException(org.rmt411.protocol.Errno.EINVAL);
    }

    /**
     * Serves the rmt411 records-ahead query ({@link org.rmt411.protocol.RecordsAhead}): data
     * records between the position and the next filemark or end of data. Only a tape can say;
     * anything else answers ENOTTY, as GNU rmt's MTIOCTOP on a file does.
     */
    default long recordsAhead() throws IOException {
        throw new org.rmt411.protocol.RmtException(org.rmt411.protocol.Errno.ENOTTY);
    }

    /** Filemarks this open has written so far, the one a close writes included (for the audit line). */
    default long filemarksWritten() {
        return 0;
    }

    /** Releases the device; a tape drive writes its filemark and rewinds here as st does. */
    @Override
    void close() throws IOException;

    /** The reply side of a read: announces the length, then takes the bytes. */
    @FunctionalInterface
    interface ReadReply {
        /** Queues {@code A<length>⏎} and returns where the {@code length} payload bytes go. */
        java.nio.channels.WritableByteChannel begin(long length) throws IOException;
    }
}
