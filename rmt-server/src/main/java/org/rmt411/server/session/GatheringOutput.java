package org.rmt411.server.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A session output wrapped by something that watches it (the idle timeout, the capture). It
 * stays a gathering channel whatever it wraps, so an R reply still leaves in one system call with
 * its A line; a wrapper only says what one write and one gathering write do around the target.
 */
public abstract class GatheringOutput implements GatheringByteChannel {
    private final WritableByteChannel out;

    protected GatheringOutput(WritableByteChannel out) {
        this.out = out;
    }

    /** One write of {@code src} to {@code target}. */
    protected abstract int write(ByteBuffer src, WritableByteChannel target) throws IOException;

    /** One gathering write to {@code target}. */
    protected abstract long write(ByteBuffer[] srcs, int offset, int length, GatheringByteChannel target)
            throws IOException;

    @Override
    public final int write(ByteBuffer src) throws IOException {
        return write(src, out);
    }

    @Override
    public final long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        if (!(out instanceof GatheringByteChannel)) {
            long n = 0;
            for (int i = offset; i < offset + length; i++) {
                n += write(srcs[i]);
            }
            return n;
        }
        return write(srcs, offset, length, (GatheringByteChannel) out);
    }

    @Override
    public final long write(ByteBuffer[] srcs) throws IOException {
        return write(srcs, 0, srcs.length);
    }

    @Override
    public final boolean isOpen() {
        return out.isOpen();
    }

    @Override
    public final void close() throws IOException {
        out.close();
    }
}
