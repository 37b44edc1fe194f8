package org.rmt411.server.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.rmt411.protocol.RmtRequestDecoder;

/**
 * Collects one W payload before the device sees it, so a payload cut short by end of input
 * writes nothing. The buffer grows only as bytes actually arrive (never to the size a count
 * merely claims) and is reused, so a steady stream of equal records allocates once.
 */
final class WriteBuffer {
    private static final int INITIAL = 64 * 1024;

    private final RmtRequestDecoder decoder;
    private byte[] buffer = new byte[0];

    WriteBuffer(RmtRequestDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * Reads exactly {@code count} payload bytes.
     *
     * @return the payload, valid until the next request is decoded
     * @throws PrematureEndException if input ends first
     */
    ByteBuffer fill(int count) throws IOException {
        ByteBuffer view = decoder.payloadView(count);
        if (view != null) {
            if (view.remaining() < count) {
                throw new PrematureEndException();
            }
            return view;
        }
        return ByteBuffer.wrap(collect(count), 0, count);
    }

    /** Records larger than the decoder's buffer are collected here as they arrive. */
    private byte[] collect(int count) throws IOException {
        int got = 0;
        while (got < count) {
            if (got == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(count, Math.max(INITIAL, buffer.length * 2)));
            }
            int want = Math.min(buffer.length, count) - got;
            int n = decoder.readPayload(buffer, got, want);
            got += n;
            if (n < want) {
                throw new PrematureEndException();
            }
        }
        return buffer;
    }

    /** Input ended inside a W payload. */
    static final class PrematureEndException extends IOException {
        private static final long serialVersionUID = 1L;

        PrematureEndException() {
            super("end of input inside a W payload");
        }
    }
}
