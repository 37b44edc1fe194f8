package org.rmt411.client.trace;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.ToLongBiFunction;

/**
 * Watches the replies as the client reads them: each {@code A<n>} or {@code E<errno>}/text pair
 * is handed on whole, and the data after an {@code A} of an R or S (as many bytes as the
 * callback says) is skipped, never looked at.
 */
final class ReplyTap extends FilterInputStream {
    /** Given the reply's first line and text line (null for A), returns how many data bytes follow. */
    private final ToLongBiFunction<String, String> replied;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String first;
    private long dataLeft;

    ReplyTap(InputStream in, ToLongBiFunction<String, String> replied) {
        super(in);
        this.replied = replied;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((byte) c);
        }
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        for (int i = 0; i < n; i++) {
            see(b[off + i]);
        }
        return n;
    }

    private void see(byte b) {
        if (dataLeft > 0) {
            dataLeft--;
            return;
        }
        if (b != '\n') {
            line.write(b);
            return;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        line.reset();
        if (first == null && (text.startsWith("E") || text.startsWith("F"))) {
            first = text; // its errno text follows on the next line
            return;
        }
        dataLeft = first == null ? replied.applyAsLong(text, null) : replied.applyAsLong(first, text);
        first = null;
    }
}
