package org.rmt411.server.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.rmt411.protocol.RmtRequestDecoder;
import org.rmt411.server.device.Payload;
import org.rmt411.server.device.PayloadCutShortException;

/**
 * The current W payload, taken from the decoder's read buffer in views of at most
 * {@link RmtRequestDecoder#VIEW_BUFFER} bytes. Nothing is collected: a record of any size passes
 * through the same fixed buffer, so 64 sessions each announcing {@code W16777215} cost 64 read
 * buffers, not 1 GiB. One instance per session, reused for every W.
 */
final class StreamedPayload implements Payload {
    private final RmtRequestDecoder decoder;
    private long length;
    private long left;

    StreamedPayload(RmtRequestDecoder decoder) {
        this.decoder = decoder;
    }

    /** Starts the payload of a {@code W<count>}. */
    StreamedPayload start(long count) {
        length = count;
        left = count;
        return this;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long remaining() {
        return left;
    }

    @Override
    public ByteBuffer next(int max) throws IOException {
        int want = (int) Math.min(Math.min(max, left), RmtRequestDecoder.VIEW_BUFFER);
        if (want <= 0) {
            return ByteBuffer.allocate(0);
        }
        ByteBuffer view = decoder.payloadView(want);
        left -= view.remaining();
        if (view.remaining() < want) {
            throw new PayloadCutShortException(length - left, length);
        }
        return view;
    }

    /** Reads and discards what the device did not take, so the next request is found. */
    void discardRest() throws IOException {
        while (left > 0) {
            next(Integer.MAX_VALUE);
        }
    }
}
