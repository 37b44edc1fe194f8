package org.rmt411.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtReplyEncoder;
import org.rmt411.protocol.RmtRequest;
import org.rmt411.protocol.RmtRequestDecoder;

/**
 * An rmt server for tests that promises plenty of headroom and then fails every write after the
 * first {@code okWrites} with ENOSPC, as a disk that fills up under another writer would: the
 * failure a write-behind bridge can only learn of late.
 */
final class LateFailingServer implements AutoCloseable {
    private final ServerSocket listener;
    private final int okWrites;
    private final AtomicInteger writes = new AtomicInteger();
    private final Thread thread;

    private LateFailingServer(ServerSocket listener, int okWrites) {
        this.listener = listener;
        this.okWrites = okWrites;
        this.thread = new Thread(this::serve, "late-failing-rmt");
        thread.setDaemon(true);
    }

    static LateFailingServer start(int okWrites) throws IOException {
        LateFailingServer server = new LateFailingServer(new ServerSocket(0, 4, InetAddress.getLoopbackAddress()), okWrites);
        server.thread.start();
        return server;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Every W that reached the server. */
    int writesAcknowledgedAhead() {
        return writes.get();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                session(socket);
            } catch (IOException e) {
                return; // closed by the test
            }
        }
    }

    private void session(Socket socket) throws IOException {
        RmtRequestDecoder requests = new RmtRequestDecoder(socket.getInputStream());
        RmtReplyEncoder replies = new RmtReplyEncoder(socket.getOutputStream());
        byte[] sink = new byte[64 * 1024];
        RmtRequest request;
        while ((request = requests.next()) != null) {
            if (request instanceof RmtRequest.Write write) {
                for (long left = write.count(); left > 0; ) {
                    left -= requests.readPayload(sink, 0, (int) Math.min(sink.length, left));
                }
                if (writes.incrementAndGet() <= okWrites) {
                    replies.ack(write.count());
                } else {
                    replies.error(Errno.ENOSPC.number(), "No space left on device");
                }
            } else if (request instanceof RmtRequest.Ioctl ioctl && ioctl.isHeadroomQuery()) {
                replies.ack(1L << 30);
            } else if (request instanceof RmtRequest.Ioctl || request instanceof RmtRequest.Status) {
                replies.error(Errno.ENOTTY.number(), "Inappropriate ioctl for device");
            } else {
                replies.ack(0);
            }
            replies.flush();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
