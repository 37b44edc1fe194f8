package org.rmt411.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes rmt replies: {@code A<n>⏎} (optionally followed by payload bytes) and
 * {@code E<errno>⏎<text>⏎}. The only class that formats reply text on the server side.
 */
public final class RmtReplyEncoder {
    private final OutputStream out;
    private final byte[] line = new byte[24];

    /** An encoder writing to {@code out}, which should be buffered; call {@link #flush()}. */
    public RmtReplyEncoder(OutputStream out) {
        this.out = out;
    }

    /** {@code A<value>⏎}. */
    public void ack(long value) throws IOException {
        out.write(line, 0, WireNumbers.formatLine(line, 'A', value));
    }

    /** {@code E<errno>⏎<text>⏎}; a newline inside the text would break framing and is replaced. */
    public void error(int errno, String text) throws IOException {
        out.write(line, 0, WireNumbers.formatLine(line, 'E', errno));
        out.write(text.replace('\n', ' ').getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** The reply for an exception carrying an errno. */
    public void error(RmtException e) throws IOException {
        error(e.errno(), e.text());
    }

    /** Raw payload bytes after an {@link #ack} (R data, S struct). */
    public void payload(byte[] data, int off, int len) throws IOException {
        out.write(data, off, len);
    }

    /** Pushes everything out: called once per reply, because the client waits for it. */
    public void flush() throws IOException {
        out.flush();
    }

    /** The underlying stream, for devices that stream a read payload straight into it. */
    public OutputStream stream() {
        return out;
    }
}
