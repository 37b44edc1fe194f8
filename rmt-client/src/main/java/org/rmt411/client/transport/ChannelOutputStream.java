package org.rmt411.client.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A buffered stream onto a channel through a direct buffer. Compared with a
 * {@code BufferedOutputStream} on a socket stream it saves a copy of every byte (the JDK copies
 * a heap array into a temporary native buffer for each socket write) and a native allocation
 * per write above 8 KiB; a backup sends every archive byte through here.
 */
final class ChannelOutputStream extends OutputStream {
    private final WritableByteChannel channel;
    private final ByteBuffer buffer;

    ChannelOutputStream(WritableByteChannel channel, int size) {
        this.channel = channel;
        this.buffer = ByteBuffer.allocateDirect(size);
    }

    @Override
    public void write(int b) throws IOException {
        if (!buffer.hasRemaining()) {
            drain();
        }
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (!buffer.hasRemaining()) {
                drain();
            }
            int n = Math.min(len, buffer.remaining());
            buffer.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            channel.close();
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
