package org.rmt411.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small unsynchronised read buffer that owns line framing for both decoders. Lines end at
 * {@code \n}; a line longer than its cap is consumed up to its newline and reported as
 * {@link #OVERLONG}, so the peer and we stay in step.
 */
final class WireInput {
    /** Returned by {@link #readLine} for a line that exceeded its cap (and was discarded). */
    static final String OVERLONG = new String("<overlong>");

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int limit;

    WireInput(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    /** Next byte, or -1 at end of input. */
    int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /**
     * The hot path for {@code R}/{@code W} counts: when the whole line is already buffered and is
     * plain digits, consumes it and returns its value without allocating.
     *
     * @return the value, or -1 (nothing consumed) when the slow path must decide
     */
    long tryReadPlainCount() {
        long value = 0;
        int i = pos;
        int end = Math.min(limit, pos + 19);
        while (i < end) {
            byte b = buf[i];
            if (b == '\n') {
                if (i == pos) {
                    return -1;
                }
                pos = i + 1;
                return value;
            }
            if (b < '0' || b > '9') {
                return -1;
            }
            value = value * 10 + (b - '0');
            i++;
        }
        return -1;
    }

    /**
     * Reads one line (without its {@code \n}) of at most {@code cap} bytes, decoded as UTF-8.
     *
     * @return the line, or {@link #OVERLONG} if it was longer than {@code cap}
     * @throws EOFException if input ends before the newline
     */
    String readLine(int cap) throws IOException {
        byte[] line = new byte[Math.min(cap, 256)];
        int n = 0;
        boolean overlong = false;
        while (true) {
            if (pos == limit && !fill()) {
                throw new EOFException("end of input inside a request line");
            }
            byte b = buf[pos++];
            if (b == '\n') {
                break;
            }
            if (overlong) {
                continue;
            }
            if (n == cap) {
                overlong = true;
                continue;
            }
            if (n == line.length) {
                line = java.util.Arrays.copyOf(line, Math.min(cap, line.length * 2));
            }
            line[n++] = b;
        }
        return overlong ? OVERLONG : new String(line, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Reads up to {@code len} bytes, blocking until that many arrived or input ended.
     *
     * @return the number of bytes read; fewer than {@code len} only at end of input
     */
    int readFully(byte[] dst, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            if (pos < limit) {
                int n = Math.min(limit - pos, len - done);
                System.arraycopy(buf, pos, dst, off + done, n);
                pos += n;
                done += n;
            } else if (len - done >= buf.length) {
                // Large payloads bypass the buffer: one copy fewer on the hot W path.
                int n = in.read(dst, off + done, len - done);
                if (n < 0) {
                    break;
                }
                done += n;
            } else if (!fill()) {
                break;
            }
        }
        return done;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
