package org.rmt411.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.rmt411.protocol.RmtProtocolException;

/**
 * Caps what the server may send: each expected reply adds an allowance (its payload plus room
 * for the reply and error lines), and reading beyond the sum fails. So a server that streams an
 * endless line or unasked data is cut off after a bounded amount instead of being read forever.
 */
final class ReplyBudget extends FilterInputStream {
    /** Slack for reply lines and error texts: the decoder reads ahead in 64 KiB chunks. */
    static final long LINE_ALLOWANCE = 64 * 1024 + 2048;

    private long remaining;

    ReplyBudget(InputStream in) {
        super(in);
    }

    /** Allows the next reply: its lines and up to {@code payload} bytes of data. */
    void expect(long payload) {
        remaining = Math.min(Long.MAX_VALUE / 2, remaining + payload + LINE_ALLOWANCE);
    }

    @Override
    public int read() throws IOException {
        check(1);
        int b = super.read();
        if (b >= 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check(len);
        int n = super.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    private void check(int wanted) throws RmtProtocolException {
        if (wanted > 0 && remaining <= 0) {
            throw new RmtProtocolException("rmt server sent more than any expected reply");
        }
    }
}
