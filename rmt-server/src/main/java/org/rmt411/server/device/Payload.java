package org.rmt411.server.device;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The payload of one {@code W} request as it arrives: its length is known from the request line,
 * its bytes are taken in bounded chunks while the device writes them. A 16 MiB record therefore
 * costs the session no 16 MiB buffer: memory stays bounded by the connection's read buffer, not
 * by what a client claims (issue "rmt-server, unattended").
 *
 * <p>A device that fails part way must undo what it wrote of this payload (a tape keeps no
 * partial record); the session then discards the rest so the stream stays in step.
 */
public interface Payload {
    /** The byte count the {@code W} line announced. */
    long length();

    /** Bytes not taken yet. */
    long remaining();

    /**
     * The next bytes, at most {@code max} and at least one while any remain, as a view that is
     * valid until the next call (it may be the connection's read buffer itself: no copy).
     *
     * @throws PayloadCutShortException if input ends first; the bytes that did arrive are consumed
     */
    ByteBuffer next(int max) throws IOException;

    /** A payload already in memory: all of {@code data}'s remaining bytes. */
    static Payload of(ByteBuffer data) {
        return new BufferPayload(data);
    }
}
