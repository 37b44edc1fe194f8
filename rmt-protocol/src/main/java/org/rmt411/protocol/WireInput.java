package org.rmt411.protocol;

import java.io.EOFException;
import java.io.FileInputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * A small unsynchronised read buffer that owns line framing for both decoders. Lines end at
 * {@code \n}; a line longer than its cap is consumed up to its newline and reported as
 * {@link #OVERLONG}, so the peer and we stay in step.
 *
 * <p>It reads from a channel into a {@link ByteBuffer} so that, on the server, a direct buffer
 * filled straight from a pipe or socket can hand a W payload to a file channel without one
 * copy in user space.
 */
final class WireInput {
    /** Returned by {@link #readLine} for a line that exceeded its cap (and was discarded). */
    static final String OVERLONG = new String("<overlong>");

    private final ReadableByteChannel in;
    private final ByteBuffer buf;
    private Flushable beforeBlocking = () -> { };

    WireInput(ReadableByteChannel in, ByteBuffer buffer) {
        this.in = in;
        this.buf = buffer;
        buf.limit(0);
    }

    WireInput(InputStream in, int bufferSize) {
        this(channelOf(in), ByteBuffer.allocate(bufferSize));
    }

    /** Called before every read that may block: the server flushes its pending replies there. */
    void beforeBlocking(Flushable action) {
        this.beforeBlocking = action;
    }

    /** A file stream (stdin) is read through its own channel: no intermediate array. */
    static ReadableByteChannel channelOf(InputStream in) {
        return in instanceof FileInputStream ? ((FileInputStream) in).getChannel() : Channels.newChannel(in);
    }

    /** Next byte, or -1 at end of input. */
    int read() throws IOException {
        if (!buf.hasRemaining() && !fill()) {
            return -1;
        }
        return buf.get() & 0xff;
    }

    /**
     * The hot path for {@code R}/{@code W} counts: when the whole line is already buffered and is
     * plain digits, consumes it and returns its value without allocating.
     *
     * @return the value, or -1 (nothing consumed) when the slow path must decide
     */
    long tryReadPlainCount() {
        long value = 0;
        int start = buf.position();
        int end = Math.min(buf.limit(), start + 19);
        for (int i = start; i < end; i++) {
            byte b = buf.get(i);
            if (b == '\n') {
                if (i == start) {
                    return -1;
                }
                buf.position(i + 1);
                return value;
            }
            if (b < '0' || b > '9') {
                return -1;
            }
            value = value * 10 + (b - '0');
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
            if (!buf.hasRemaining() && !fill()) {
                throw new EOFException("end of input inside a request line");
            }
            byte b = buf.get();
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
        int done = Math.min(buf.remaining(), len);
        buf.get(dst, off, done);
        ByteBuffer rest = ByteBuffer.wrap(dst, off + done, len - done);
        while (rest.hasRemaining()) {
            beforeBlocking.flush();
            if (in.read(rest) < 0) {
                break;
            }
        }
        return len - rest.remaining();
    }

    /**
     * The next {@code len} bytes as a view of the buffer, valid until the next call, when they
     * fit in it; fewer than {@code len} remain in the view only if input ended.
     *
     * @return the view, or {@code null} when {@code len} exceeds the buffer's capacity
     */
    ByteBuffer view(int len) throws IOException {
        if (len > buf.capacity()) {
            return null;
        }
        if (buf.remaining() < len) {
            buf.compact();
            beforeBlocking.flush();
            while (buf.position() < len && in.read(buf) >= 0) {
                // keep reading until the whole payload is buffered
            }
            buf.flip();
        }
        int n = Math.min(len, buf.remaining());
        ByteBuffer view = buf.slice();
        view.limit(n);
        buf.position(buf.position() + n);
        return view;
    }

    private boolean fill() throws IOException {
        beforeBlocking.flush();
        buf.clear();
        int n;
        do {
            n = in.read(buf);
        } while (n == 0);
        buf.flip();
        return n > 0;
    }
}
