package org.rmt411.protocol;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * Writes rmt replies: {@code A<n>⏎} (optionally followed by payload bytes) and
 * {@code E<errno>⏎<text>⏎}. The only class that formats reply text on the server side.
 *
 * <p>Reply lines collect in a small buffer until {@link #flush()}; a payload goes out together
 * with its {@code A} line in one gathering write, so an R reply costs one system call and no
 * copy of the data in user space.
 */
public final class RmtReplyEncoder {
    private final WritableByteChannel out;
    private final Flushable stream;
    private final ByteBuffer lines = ByteBuffer.allocateDirect(8 * 1024);
    private final byte[] line = new byte[24];
    private final ByteBuffer[] pair = new ByteBuffer[2];

    /** An encoder writing to {@code out}; call {@link #flush()} after each reply. */
    public RmtReplyEncoder(WritableByteChannel out) {
        this(out, () -> { });
    }

    /** An encoder writing to a stream, which {@link #flush()} flushes too (it may be buffered). */
    public RmtReplyEncoder(OutputStream out) {
        this(Channels.newChannel(out), out);
    }

    private RmtReplyEncoder(WritableByteChannel out, Flushable stream) {
        this.out = out;
        this.stream = stream;
    }

    /** {@code A<value>⏎}. */
    public void ack(long value) throws IOException {
        put(line, WireNumbers.formatLine(line, 'A', value));
    }

    /** {@code E<errno>⏎<text>⏎}; a newline inside the text would break framing and is replaced. */
    public void error(int errno, String text) throws IOException {
        put(line, WireNumbers.formatLine(line, 'E', errno));
        byte[] bytes = (text.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
        put(bytes, bytes.length);
    }

    /** The reply for an exception carrying an errno. */
    public void error(RmtException e) throws IOException {
        error(e.errno(), e.text());
    }

    /** Raw payload bytes after an {@link #ack} (R data, S struct): all of {@code data}'s remaining bytes. */
    public void payload(ByteBuffer data) throws IOException {
        lines.flip();
        if (out instanceof GatheringByteChannel) {
            pair[0] = lines;
            pair[1] = data;
            while (lines.hasRemaining() || data.hasRemaining()) {
                ((GatheringByteChannel) out).write(pair, 0, 2);
            }
            pair[1] = null;
        } else {
            drain(lines);
            drain(data);
        }
        lines.clear();
    }

    /** Raw payload bytes from an array. */
    public void payload(byte[] data, int off, int len) throws IOException {
        payload(ByteBuffer.wrap(data, off, len));
    }

    /** Pushes pending reply lines out: called once per reply, because the client waits for it. */
    public void flush() throws IOException {
        if (lines.position() > 0) {
            lines.flip();
            drain(lines);
            lines.clear();
        }
        stream.flush();
    }

    private void put(byte[] bytes, int len) throws IOException {
        int off = 0;
        while (off < len) {
            if (!lines.hasRemaining()) {
                flush();
            }
            int n = Math.min(lines.remaining(), len - off);
            lines.put(bytes, off, n);
            off += n;
        }
    }

    private void drain(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
