package org.rmt411.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.rmt411.client.transport.RmtTransport;
import org.rmt411.client.transport.TcpTransport;
import org.rmt411.server.cli.ServerRuntime;
import org.rmt411.server.session.SessionOptions;
import org.rmt411.server.transport.CidrSet;
import org.rmt411.server.transport.TcpServer;

/** The rmt411 server in-process on a loopback port chosen by the system, for tests. */
public final class InProcessServer implements AutoCloseable {
    private final TcpServer server;

    private InProcessServer(TcpServer server) {
        this.server = server;
    }

    /** Serves {@code root} on 127.0.0.1, port 0. */
    public static InProcessServer serve(Path root) throws IOException {
        return new InProcessServer(TcpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ServerRuntime.sessions(root, false, SessionOptions.defaults()), new CidrSet(CidrSet.LOOPBACK), 64));
    }

    /** Serves {@code root} with its virtual tape library configured by {@code tapes}. */
    public static InProcessServer serve(Path root, org.rmt411.server.tape.TapeLibrary.Settings tapes) throws IOException {
        return new InProcessServer(TcpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ServerRuntime.sessions(root, false, SessionOptions.defaults(), tapes), new CidrSet(CidrSet.LOOPBACK), 64));
    }

    public int port() {
        return server.port();
    }

    /** Connects with short timeouts, as tests want. */
    public RmtTransport.Factory connector() {
        return TcpTransport.factory(InetAddress.getLoopbackAddress().getHostAddress(), port(),
                Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
