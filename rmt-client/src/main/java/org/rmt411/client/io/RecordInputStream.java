package org.rmt411.client.io;

import java.io.IOException;
import java.io.InputStream;
import org.rmt411.client.RemoteTape;

/**
 * Reads a remote tape or file record by record: each refill is one {@code R} of the maximum
 * record size, and whatever the tape returns (a whole tape block of any size, or a file chunk)
 * is served. A zero-length read, a filemark or end of file, ends the stream. Closing does not
 * close the tape.
 */
public final class RecordInputStream extends InputStream {
    /** Default largest record asked for: more than any common tar blocking factor. */
    public static final int DEFAULT_MAX_RECORD = 256 * 1024;

    private final RemoteTape tape;
    private final byte[] buffer;
    private int pos;
    private int limit;
    private boolean eof;
    private long records;

    /**
     * @param maxRecord the {@code R} count; on a variable-block tape it must be at least the
     *     largest block, or the drive answers ENOMEM
     */
    public RecordInputStream(RemoteTape tape, int maxRecord) {
        if (maxRecord < 1) {
            throw new IllegalArgumentException("record size must be positive: " + maxRecord);
        }
        this.tape = tape;
        this.buffer = new byte[maxRecord];
    }

    /** Records read so far. */
    public long records() {
        return records;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return limit - pos;
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        int n = tape.read(buffer, 0, buffer.length);
        if (n == 0) {
            eof = true;
            return false;
        }
        records++;
        pos = 0;
        limit = n;
        return true;
    }
}
