package org.rmt411.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import org.rmt411.server.session.SessionOptions;
import org.rmt411.server.transport.CidrSet;
import org.rmt411.server.transport.SessionFactory;
import org.rmt411.server.transport.StreamTransports;
import org.rmt411.server.transport.TcpServer;

/** Runs the server a {@link ServerConfig} describes, on the transport it names. */
final class ServerLauncher {
    /** Exit code for a runtime failure. */
    static final int EXIT_RUNTIME = 1;

    private ServerLauncher() {
    }

    static int launch(ServerConfig config, PrintWriter err) throws IOException, InterruptedException {
        SessionFactory sessions;
        if (config.readOnly() && !Files.isDirectory(config.root())) {
            // A read-only server creates nothing, not even its root: a missing one is a typo.
            err.println("rmt-server: --root " + config.root() + ": "
                    + (Files.exists(config.root()) ? "not a folder" : "no such folder (--read-only creates nothing)"));
            return EXIT_RUNTIME;
        }
        try {
            if (!config.readOnly()) {
                Files.createDirectories(config.root());
            }
            sessions = ServerRuntime.sessions(config.root(), config.readOnly(),
                    new SessionOptions(config.maxRecord(), config.seekOrder(), config.trace(), config.idleTimeout()), config.tapes());
        } catch (IOException e) {
            err.println("rmt-server: cannot use root folder " + config.root() + ": " + e.getMessage());
            return EXIT_RUNTIME;
        }
        if (config.stdio()) {
            StreamTransports.serveStdio(sessions);
            return 0;
        }
        if (config.inetd()) {
            try {
                return serve(StreamTransports.serveInherited(sessions, config.allowed(), config.maxSessions()));
            } catch (IOException e) {
                err.println("rmt-server: " + e.getMessage());
                return EXIT_RUNTIME;
            }
        }
        return listen(config, sessions, err);
    }

    private static int listen(ServerConfig config, SessionFactory sessions, PrintWriter err)
            throws IOException, InterruptedException {
        InetSocketAddress address = config.bind() == null
                ? new InetSocketAddress(config.port())
                : new InetSocketAddress(InetAddress.getByName(config.bind()), config.port());
        CidrSet allowed = config.allowed();
        TcpServer server;
        try {
            server = TcpServer.bind(address, sessions, allowed, config.maxSessions());
        } catch (BindException e) {
            err.println(BindAdvice.explain(config.port(), e));
            return EXIT_RUNTIME;
        }
        err.println("rmt-server: listening on " + address.getAddress().getHostAddress() + ":" + server.port()
                + ", root " + config.root().toAbsolutePath().normalize() + ", allow " + allowed
                + ", idle timeout " + DurationValue.format(config.idleTimeout())
                + (config.readOnly() ? ", read-only" : ""));
        err.flush();
        return serve(server);
    }

    private static int serve(TcpServer server) throws InterruptedException {
        if (server == null) {
            return 0;
        }
        ShutdownHook.onTerm(server);
        server.awaitTermination();
        return 0;
    }
}
