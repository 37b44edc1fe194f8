package org.rmt411.server.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.rmt411.server.session.ActiveSessions;
import org.rmt411.server.transport.TcpServer;

/**
 * SIGTERM handling: stop accepting, let every session close its device, exit 0. The JVM would
 * report 143 for a signal, which service managers count as a failure, so the hook ends with
 * {@code halt} with our own status (0 after a signal). One hook for all servers: two hooks would each
 * halt while the other still closes.
 */
final class ShutdownHook {
    private static final Logger LOG = Logger.getLogger("rmt411");
    private static final List<TcpServer> SERVERS = new CopyOnWriteArrayList<>();
    /** The code main() exits with, or -1 while serving (a shutdown then comes from a signal). */
    private static volatile int exitCode = -1;

    private ShutdownHook() {
    }

    /**
     * Installs the hook, before anything is served: a stdio session or an inherited connection
     * must close its device on SIGTERM as much as a TCP listener's sessions do.
     */
    static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Decide first: closing the server lets main() return and call exit() meanwhile.
            int ours = exitCode;
            try {
                // Every session learns it ends for a shutdown (its audit line says so) and closes
                // its device; then the listeners stop, ending any session that came in meanwhile.
                ActiveSessions.stopAll(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            SERVERS.forEach(TcpServer::close);
            if (ours < 0) {
                LOG.info("terminated, all devices closed");
            }
            // Always our own status: when SIGTERM and our own exit race, the JVM would report the
            // signal's 143, which service managers count as a failure.
            Runtime.getRuntime().halt(Math.max(ours, 0));
        }, "rmt411-shutdown"));
    }

    /** Listeners the hook stops first (no new sessions), then their sessions end. */
    static void onTerm(List<TcpServer> servers) {
        SERVERS.addAll(servers);
    }

    static void exit(int code) {
        exitCode = code;
        System.exit(code);
    }
}
