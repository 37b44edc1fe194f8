package org.rmt411.server.device;

import java.nio.ByteBuffer;

/** A {@link Payload} over bytes already in memory: for in-process callers and tests. */
final class BufferPayload implements Payload {
    private final ByteBuffer data;
    private final long length;

    BufferPayload(ByteBuffer data) {
        this.data = data;
        this.length = data.remaining();
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long remaining() {
        return data.remaining();
    }

    @Override
    public ByteBuffer next(int max) {
        int n = Math.min(max, data.remaining());
        ByteBuffer chunk = data.slice().limit(n);
        data.position(data.position() + n);
        return chunk;
    }
}
