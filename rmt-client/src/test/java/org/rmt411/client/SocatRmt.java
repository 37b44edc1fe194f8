package org.rmt411.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Stock GNU rmt on a loopback TCP port, one rmt process per connection ({@code socat
 * TCP-LISTEN:...,fork EXEC:rmt}), stopped by its PID at close.
 */
final class SocatRmt implements AutoCloseable {
    private final Process socat;
    private final int port;

    private SocatRmt(Process socat, int port) {
        this.socat = socat;
        this.port = port;
    }

    static SocatRmt start(Path work, Path rmt) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // socat cannot report a port 0 it was given
        }
        Process socat = new ProcessBuilder("socat", "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork",
                "EXEC:" + rmt).redirectErrorStream(true).redirectOutput(work.resolve("socat.log").toFile()).start();
        SocatRmt started = new SocatRmt(socat, port);
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return started; // that connection's rmt sees end of input and exits
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        started.close();
        throw new IOException("socat did not listen on " + port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(10, TimeUnit.SECONDS)) {
            socat.destroyForcibly();
        }
    }
}
