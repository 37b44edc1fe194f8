package org.rmt411.server.tape.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An image as one local {@code .tap} file on a {@link FileChannel}. Writes are gathering writes
 * that never force the channel; {@link #force()} does, at the drive's synchronisation points.
 */
public final class FileImageStore implements ImageStore {
    private final FileChannel channel;
    private final boolean writable;
    private final Path path;
    /** Where the channel's own position is, so sequential appends need no lseek. */
    private long channelPosition = -1;
    /** The file size as this store left it: no fstat per record. */
    private long size;

    private FileImageStore(FileChannel channel, boolean writable, Path path) throws IOException {
        this.channel = channel;
        this.writable = writable;
        this.path = path;
        this.size = channel.size();
    }

    /** Opens (and with {@code writable} creates) the image file at {@code path}. */
    public static FileImageStore open(Path path, boolean writable) throws IOException {
        FileChannel channel = writable
                ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE)
                : FileChannel.open(path, StandardOpenOption.READ);
        return new FileImageStore(channel, writable, path);
    }

    @Override
    public long room() throws IOException {
        return org.rmt411.server.device.FreeSpace.below(path.toAbsolutePath().getParent());
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return channel.read(dst, position);
    }

    @Override
    public void write(ByteBuffer[] srcs, int offset, int count, long position) throws IOException {
        if (channelPosition != position) {
            channel.position(position);
        }
        channelPosition = -1; // unknown until every byte is out
        long written = 0;
        ByteBuffer last = srcs[offset + count - 1];
        while (last.hasRemaining()) {
            written += channel.write(srcs, offset, count);
        }
        channelPosition = position + written;
        size = Math.max(size, channelPosition);
    }

    @Override
    public void truncate(long size) throws IOException {
        channel.truncate(size);
        this.size = Math.min(this.size, size);
        channelPosition = -1; // truncate may have moved the channel's position
    }

    @Override
    public void force() throws IOException {
        if (writable) {
            channel.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
