package org.rmt411.server.tape.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of an S3 service that answers the first {@code failures}
 * connections itself with {@code 503 SlowDown} (S3's throttling reply) and forwards every later
 * one untouched: what a busy S3 does to a client that must retry.
 */
final class SlowDownProxy implements AutoCloseable {
    private static final String BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
            + "<Message>Please reduce your request rate.</Message></Error>";

    private final ServerSocket listener;
    private final URI target;
    private final AtomicInteger failuresLeft;
    final AtomicInteger injected = new AtomicInteger();

    SlowDownProxy(URI target, int failures) throws IOException {
        this.target = target;
        this.failuresLeft = new AtomicInteger(failures);
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "slowdown-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (failuresLeft.getAndDecrement() > 0) {
                    slowDown(client);
                } else {
                    forward(client);
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void slowDown(Socket client) throws IOException {
        try (client) {
            InputStream in = client.getInputStream();
            int state = 0; // read the request head up to the blank line
            while (state < 4) {
                int c = in.read();
                if (c < 0) {
                    return;
                }
                state = (c == '\r' && state % 2 == 0) || (c == '\n' && state % 2 == 1) ? state + 1 : 0;
            }
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            OutputStream out = client.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            injected.incrementAndGet();
        }
    }

    private void forward(Socket client) throws IOException {
        Socket server = new Socket(target.getHost(), target.getPort());
        pump(client, server);
        pump(server, client);
    }

    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                to.shutdownOutput();
            } catch (IOException e) {
                // one side closed: the other pump ends too
            }
        }, "slowdown-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
