package org.rmt411.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.OptionalInt;
import java.util.logging.Logger;
import org.rmt411.server.capture.CaptureFile;
import org.rmt411.server.capture.CapturingSessions;
import org.rmt411.server.transport.Handshake;
import org.rmt411.server.transport.SessionFactory;
import org.rmt411.server.transport.SocketActivation;
import org.rmt411.server.transport.StreamTransports;
import org.rmt411.server.transport.TcpServer;

/**
 * Runs the server a {@link ServerConfig} describes, on the transport it names: {@code --stdio},
 * {@code --inetd}, the sockets systemd passed ({@code LISTEN_FDS}, no flag needed), else a port.
 */
final class ServerLauncher {
    private static final Logger LOG = Logger.getLogger("rmt411");

    /** Exit code for a runtime failure. */
    static final int EXIT_RUNTIME = 1;

    private ServerLauncher() {
    }

    static int launch(ServerConfig config, PrintWriter err) throws IOException, InterruptedException {
        SessionFactory sessions;
        try {
            sessions = RootCheck.sessions(config);
        } catch (RootCheck.Unusable e) {
            err.println("rmt-server: " + e.getMessage());
            return EXIT_RUNTIME;
        }
        Handshake handshake;
        try {
            sessions = captured(config, sessions);
            handshake = config.tls().handshake();
        } catch (IOException e) {
            err.println("rmt-server: " + e.getMessage());
            return EXIT_RUNTIME;
        }
        ShutdownHook.install();
        if (config.servesStdio()) {
            StreamTransports.serveStdio(sessions);
            return 0;
        }
        OptionalInt activated = config.inetd() ? OptionalInt.empty()
                : SocketActivation.passedSockets(System.getenv(), ProcessHandle.current().pid());
        try {
            if (config.inetd()) {
                TcpServer server = StreamTransports.serveInherited(sessions, config.allowed(), config.maxSessions(),
                        handshake);
                return serve(server == null ? List.of() : List.of(server));
            }
            if (activated.isPresent()) {
                List<TcpServer> servers = StreamTransports.serveActivated(sessions, config.allowed(),
                        config.maxSessions(), activated.getAsInt(), handshake);
                if (!servers.isEmpty()) {
                    announce(config, "the sockets systemd passed (LISTEN_FDS), port " + ports(servers));
                }
                return serve(servers);
            }
        } catch (IOException e) {
            err.println("rmt-server: " + e.getMessage());
            return EXIT_RUNTIME;
        }
        return listen(config, sessions, handshake, err);
    }

    /**
     * {@code sessions}, recorded into the {@code --capture} file when one is given. The file stays
     * open for the life of the process: every block is already on disk when appended.
     */
    private static SessionFactory captured(ServerConfig config, SessionFactory sessions) throws IOException {
        return config.capture() == null ? sessions
                : CapturingSessions.around(sessions, CaptureFile.open(config.capture()));
    }

    private static int listen(ServerConfig config, SessionFactory sessions, Handshake handshake, PrintWriter err)
            throws IOException, InterruptedException {
        InetSocketAddress address;
        try {
            address = config.bind() == null
                    ? new InetSocketAddress(config.port())
                    : new InetSocketAddress(InetAddress.getByName(config.bind()), config.port());
        } catch (UnknownHostException e) {
            err.println("rmt-server: --bind " + config.bind() + ": unknown host");
            return EXIT_RUNTIME;
        }
        TcpServer server;
        try {
            server = TcpServer.bind(address, sessions, config.allowed(), config.maxSessions(), handshake);
        } catch (BindException e) {
            err.println(BindAdvice.explain(config.port(), e));
            return EXIT_RUNTIME;
        }
        announce(config, address.getAddress().getHostAddress() + ":" + server.port());
        return serve(List.of(server));
    }

    private static String ports(List<TcpServer> servers) {
        StringBuilder ports = new StringBuilder();
        for (TcpServer server : servers) {
            ports.append(ports.length() == 0 ? "" : ",").append(server.port());
        }
        return ports.toString();
    }

    private static void announce(ServerConfig config, String where) {
        LOG.info("listening on " + where + ", root " + config.root().toAbsolutePath().normalize()
                + ", allow " + config.allowed() + ", idle timeout " + DurationValue.format(config.idleTimeout())
                + (config.readOnly() ? ", read-only" : "") + config.tls().describe());
    }

    private static int serve(List<TcpServer> servers) throws InterruptedException {
        if (servers.isEmpty()) {
            return 0;
        }
        ShutdownHook.onTerm(servers);
        for (TcpServer server : servers) {
            server.awaitTermination();
        }
        return 0;
    }
}
