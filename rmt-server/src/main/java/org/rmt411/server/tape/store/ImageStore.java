package org.rmt411.server.tape.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The bytes of one cartridge image, wherever they are kept: what the SIMH layer above
 * ({@code TapeImage}) needs and nothing of tape semantics. Reads are positional ranges; writes
 * only ever happen at the end of data (the drive cuts the image first), so a backend that keeps
 * immutable pieces (an object store) can treat every write as an append.
 *
 * <p>Durability is explicit: nothing written is promised to survive a crash until
 * {@link #force()} returns, which the drive calls at st's synchronisation points (filemark,
 * close, rewind, unload).
 */
public interface ImageStore extends Closeable {
    /** True when the image was opened for writing. */
    boolean writable();

    /** The image's size in bytes. */
    long size() throws IOException;

    /**
     * Reads into {@code dst} from {@code position}, at least one byte unless the image ends
     * there.
     *
     * @return bytes read, or -1 at the end of the image
     */
    int read(ByteBuffer dst, long position) throws IOException;

    /**
     * Writes every remaining byte of {@code srcs[offset .. offset+count)} at {@code position},
     * which is the image's end (the caller cut it there).
     */
    void write(ByteBuffer[] srcs, int offset, int count, long position) throws IOException;

    /** Cuts the image at {@code size} (no-op when it is already that short). */
    void truncate(long size) throws IOException;

    /**
     * Bytes that can still be appended before the store itself runs out, for the headroom
     * extension of a cartridge without a capacity: a file system's free space; an object store
     * has no such limit.
     */
    default long room() throws IOException {
        return Long.MAX_VALUE;
    }

    /** The synchronisation point: every write so far survives a crash once this returns. */
    void force() throws IOException;
}
