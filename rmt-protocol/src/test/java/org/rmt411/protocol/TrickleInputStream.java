package org.rmt411.protocol;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;

/**
 * Hands out its bytes 1 to 7 at a time, the way a slow pipe or a fragmented TCP stream does,
 * to prove decoders never assume a read returns a whole line.
 */
public final class TrickleInputStream extends InputStream {
    private final ByteArrayInputStream in;
    private final Random random;

    /** Trickles {@code data} with a fixed seed, so failures repeat. */
    public TrickleInputStream(byte[] data, long seed) {
        this.in = new ByteArrayInputStream(data);
        this.random = new Random(seed);
    }

    @Override
    public int read() {
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        return in.read(b, off, Math.min(len, 1 + random.nextInt(7)));
    }
}
