package org.rmt411.server.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.RmtException;

/**
 * A host device that is not a regular file (a real tape {@code /dev/nst0}, {@code /dev/null},
 * a FIFO), served as GNU rmt serves it: one {@code R} is one {@code read(2)} of at most the
 * count, so a tape returns one record; one {@code W} is one {@code write(2)} of the whole
 * record; {@code L} is {@code lseek(2)} (a tape driver ignores it, a FIFO says ESPIPE). Tape
 * ioctls ({@code I}, {@code S}) cannot be issued from Java: they answer {@code E25
 * Inappropriate ioctl for device}, so {@code mt} commands need rmt411's virtual drives or the
 * C servers.
 */
final class StreamDevice implements Device {
    private final FileChannel channel;
    private final int accessMode;
    private ByteBuffer buffer;

    StreamDevice(FileChannel channel, int accessMode) {
        this.channel = channel;
        this.accessMode = accessMode;
    }

    /**
     * Exactly the access asked for: a tape opened {@code O_RDWR} to be read would fail on a
     * write-protected cartridge, and a FIFO opened for both ends never waits for its writer.
     */
    static Set<OpenOption> options(int flags) {
        Set<OpenOption> options = new HashSet<>();
        int mode = OpenFlags.accessMode(flags);
        if (mode != OpenFlags.O_WRONLY) {
            options.add(StandardOpenOption.READ);
        }
        if (mode != OpenFlags.O_RDONLY) {
            options.add(StandardOpenOption.WRITE);
        }
        return options;
    }

    @Override
    public void read(long count, ReadReply reply) throws IOException {
        if (accessMode == OpenFlags.O_WRONLY) {
            throw new RmtException(Errno.EBADF);
        }
        ByteBuffer data = buffer((int) count);
        int n = channel.read(data);
        data.flip();
        var out = reply.begin(Math.max(n, 0));
        while (data.hasRemaining()) {
            out.write(data);
        }
    }

    @Override
    public void write(Payload data) throws IOException {
        if (accessMode == OpenFlags.O_RDONLY) {
            throw new RmtException(Errno.EBADF);
        }
        // Collected first: a tape makes one record of each write(2), so the record goes in one.
        ByteBuffer record = buffer((int) data.length());
        while (data.remaining() > 0) {
            record.put(data.next(record.remaining()));
        }
        record.flip();
        while (record.hasRemaining()) {
            channel.write(record);
        }
    }

    /** A cleared direct buffer of {@code size} bytes, kept for the next request. */
    private ByteBuffer buffer(int size) {
        if (buffer == null || buffer.capacity() < size) {
            buffer = ByteBuffer.allocateDirect(size);
        }
        buffer.clear().limit(size);
        return buffer;
    }

    @Override
    public long seek(long offset, int whence) throws IOException {
        long base = whence == 0 ? 0 : whence == 1 ? channel.position() : channel.size();
        channel.position(base + offset);
        return channel.position();
    }

    @Override
    public long ioctl(int op, int count) throws IOException {
        throw new RmtException(Errno.ENOTTY);
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
