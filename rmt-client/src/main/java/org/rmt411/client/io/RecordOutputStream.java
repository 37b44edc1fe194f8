package org.rmt411.client.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.rmt411.client.RemoteTape;

/**
 * Writes fixed-size records to a remote tape: every {@code W} carries exactly one record of
 * blocking factor × 512 bytes (tar's record; commons-compress calls it a block), and
 * {@link #close()} zero-pads the last one, as GNU tar does for devices. Closing does not close
 * the tape, so the caller decides when {@code C} goes out.
 */
public final class RecordOutputStream extends OutputStream {
    /** A tar block: 512 bytes. */
    public static final int TAR_BLOCK = 512;
    /** GNU tar's default blocking factor. */
    public static final int DEFAULT_BLOCKING_FACTOR = 20;

    private final RemoteTape tape;
    private final byte[] record;
    private int filled;
    private long bytesWritten;
    private boolean closed;

    /** Records of {@code recordSize} bytes (a multiple of 512 in tar use, but any ≥ 1 works). */
    public RecordOutputStream(RemoteTape tape, int recordSize) {
        if (recordSize < 1) {
            throw new IllegalArgumentException("record size must be positive: " + recordSize);
        }
        this.tape = tape;
        this.record = new byte[recordSize];
    }

    /** The record size for a tar blocking factor (1..2048 blocks of 512 bytes). */
    public static int recordSize(int blockingFactor) {
        if (blockingFactor < 1 || blockingFactor > 2048) {
            throw new IllegalArgumentException("blocking factor must be 1..2048: " + blockingFactor);
        }
        return blockingFactor * TAR_BLOCK;
    }

    /** The record size in bytes. */
    public int recordSize() {
        return record.length;
    }

    /** Bytes handed to the tape so far, padding included. */
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        while (len > 0) {
            if (filled == 0 && len >= record.length) {
                // Whole records go straight from the caller's array: one copy fewer.
                emit(b, off);
                off += record.length;
                len -= record.length;
                continue;
            }
            int n = Math.min(len, record.length - filled);
            System.arraycopy(b, off, record, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == record.length) {
                emit(record, 0);
                filled = 0;
            }
        }
    }

    /**
     * Waits until the tape acknowledged every record written so far. A partial record stays
     * buffered: writing it early would cut a record short.
     */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        tape.flush();
    }

    /** Pads and writes the last partial record, then waits for every acknowledgement. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (filled > 0) {
            Arrays.fill(record, filled, record.length, (byte) 0);
            emit(record, 0);
            filled = 0;
        }
        tape.flush();
    }

    private void emit(byte[] b, int off) throws IOException {
        tape.write(b, off, record.length);
        bytesWritten += record.length;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("record stream closed");
        }
    }
}
