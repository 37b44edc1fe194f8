package org.rmt411.server.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import org.rmt411.server.session.GatheringOutput;

/**
 * A session's input and output with every byte that passes also handed to its
 * {@link TcpConversation}: what a read returned, what a write actually took. Nothing is held
 * back or reordered, so the session behaves exactly as without a capture.
 */
final class TappedChannels {
    private TappedChannels() {
    }

    /** The input; end of input becomes the client's FIN. */
    static ReadableByteChannel input(ReadableByteChannel in, TcpConversation conversation) {
        return new ReadableByteChannel() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                int n = in.read(dst);
                if (n > 0) {
                    conversation.fromClient(dst.duplicate().flip().position(dst.position() - n));
                } else if (n < 0) {
                    conversation.clientEnded();
                }
                return n;
            }

            @Override
            public boolean isOpen() {
                return in.isOpen();
            }

            /**
             * Closing the input only ever means "wake the session as if the client had ended"
             * (ActiveSessions on SIGTERM, IdleWatch on silence). They shut only a socket's read
             * side, so the last replies can still go out; they no longer see the socket behind
             * this wrapper, so it does that for them.
             */
            @Override
            public void close() throws IOException {
                if (in instanceof SocketChannel) {
                    ((SocketChannel) in).shutdownInput();
                } else {
                    in.close();
                }
            }
        };
    }

    /**
     * The output. It stays a gathering channel, so an R reply still leaves in one system call
     * with its A line, and the capture shows the two in one segment, as the client received them.
     */
    static GatheringByteChannel output(WritableByteChannel out, TcpConversation conversation) {
        return new GatheringOutput(out) {
            @Override
            protected int write(ByteBuffer src, WritableByteChannel target) throws IOException {
                ByteBuffer view = src.duplicate();
                int n = target.write(src);
                conversation.fromServer(view.limit(view.position() + n));
                return n;
            }

            @Override
            protected long write(ByteBuffer[] srcs, int offset, int length, GatheringByteChannel target)
                    throws IOException {
                int[] before = new int[length];
                for (int i = 0; i < length; i++) {
                    before[i] = srcs[offset + i].position();
                }
                long n = target.write(srcs, offset, length);
                conversation.fromServer(written(srcs, offset, before, n));
                return n;
            }
        };
    }

    /** The bytes a gathering write took, joined, so they become segments as one stream would. */
    private static ByteBuffer written(ByteBuffer[] srcs, int offset, int[] before, long n) {
        ByteBuffer joined = ByteBuffer.allocate((int) n);
        for (int i = 0; i < before.length && joined.hasRemaining(); i++) {
            ByteBuffer src = srcs[offset + i];
            joined.put(src.duplicate().limit(src.position()).position(before[i]));
        }
        return joined.flip();
    }
}
