package org.rmt411.server.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.RmtException;

/**
 * A regular file behind rmt: reads and writes move a byte position, {@code L} seeks, and tape
 * ioctls answer {@code E25 Inappropriate ioctl for device}, exactly what GNU rmt does on a file.
 */
final class FileDevice implements Device {
    private static final int CHUNK = 256 * 1024;

    private final FileChannel channel;
    private final int accessMode;
    private final boolean append;
    private final java.nio.file.Path store;
    private ByteBuffer chunk;

    /** {@code store} is a path on the file's file system, for {@link #headroom()}. */
    FileDevice(FileChannel channel, int accessMode, boolean append, java.nio.file.Path store) {
        this.store = store;
        this.channel = channel;
        this.accessMode = accessMode;
        this.append = append;
    }

    @Override
    public void read(long count, ReadReply reply) throws IOException {
        if (accessMode == OpenFlags.O_WRONLY) {
            throw new RmtException(Errno.EBADF);
        }
        if (chunk == null) {
            // Direct, so the file data goes from the kernel to the reply write without a copy.
            chunk = ByteBuffer.allocateDirect(CHUNK);
        }
        if (count <= CHUNK) {
            readWhole((int) count, reply);
            return;
        }
        long position = channel.position();
        long length = Math.max(0, Math.min(count, channel.size() - position));
        WritableByteChannel out = reply.begin(length);
        long left = length;
        while (left > 0) {
            chunk.clear().limit((int) Math.min(CHUNK, left));
            if (channel.read(chunk) < 0) {
                // The file shrank under us after the length was promised: keep framing intact.
                while (chunk.hasRemaining()) {
                    chunk.put((byte) 0);
                }
            }
            chunk.flip();
            left -= chunk.remaining();
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
        }
    }

    /**
     * A record that fits the buffer (every tar, cpio and dump record) is read first and then
     * answered with what was read, as GNU rmt does: one {@code read} per record, where asking
     * the position and size first cost an {@code lseek} and an {@code fstat} more each time.
     */
    private void readWhole(int count, ReadReply reply) throws IOException {
        chunk.clear().limit(count);
        while (chunk.hasRemaining() && channel.read(chunk) > 0) {
            // A regular file reads short only at its end; the loop is for the rare signal.
        }
        chunk.flip();
        WritableByteChannel out = reply.begin(chunk.remaining());
        while (chunk.hasRemaining()) {
            out.write(chunk);
        }
    }

    @Override
    public void write(Payload data) throws IOException {
        if (accessMode == OpenFlags.O_RDONLY) {
            throw new RmtException(Errno.EBADF);
        }
        long start = -1;
        if (append) {
            start = channel.size();
            channel.position(start);
        }
        long sizeBefore = -1;
        try {
            do {
                ByteBuffer chunk = data.next(Integer.MAX_VALUE);
                if (sizeBefore < 0 && data.remaining() > 0) {
                    // Only a payload larger than one chunk can be cut short after bytes hit the
                    // file, so only then are the position and size worth their system calls.
                    start = start < 0 ? channel.position() : start;
                    sizeBefore = channel.size();
                }
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            } while (data.remaining() > 0);
        } catch (IOException e) {
            if (sizeBefore >= 0) {
                undo(start, sizeBefore);
            }
            throw e;
        }
    }

    /**
     * Takes back a W that failed part way: the file gets its old length and position back (GNU
     * rmt, which collects the whole payload first, would have written nothing). Bytes it
     * overwrote inside the old length stay overwritten, as after an interrupted local write.
     */
    private void undo(long start, long sizeBefore) throws IOException {
        if (channel.size() > sizeBefore) {
            channel.truncate(sizeBefore);
        }
        channel.position(start);
    }

    @Override
    public long seek(long offset, int whence) throws IOException {
        long base = whence == 0 ? 0 : whence == 1 ? channel.position() : channel.size();
        long target = base + offset;
        if (target < 0 || (offset > 0 && target < base)) {
            throw new RmtException(Errno.EINVAL);
        }
        channel.position(target);
        return target;
    }

    @Override
    public long ioctl(int op, int count) throws IOException {
        throw new RmtException(Errno.ENOTTY);
    }

    /**
     * The file system's usable space less {@link FreeSpace#MARGIN}: a write-behind client writes
     * no further ahead than that, so GNU tar's {@code -M} still gets its ENOSPC on the record
     * that meets it (unless another writer fills the file system within the margin).
     */
    @Override
    public long headroom() throws IOException {
        if (accessMode == OpenFlags.O_RDONLY) {
            throw new RmtException(Errno.EBADF);
        }
        return FreeSpace.below(store);
    }

    @Override
    public MtStatus status() throws IOException {
        throw new RmtException(Errno.ENOTTY);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
