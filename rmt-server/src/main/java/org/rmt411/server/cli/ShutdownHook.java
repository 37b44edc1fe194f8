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
 * {@code halt(0)} unless the exit was our own. One hook for all servers: two hooks would each
 * halt while the other still closes.
 */
final class ShutdownHook {
    private static final Logger LOG = Logger.getLogger("rmt411");
    private static final List<TcpServer> SERVERS = new CopyOnWriteArrayList<>();
    private static volatile boolean exiting;

    private ShutdownHook() {
    }

    /**
     * Installs the hook, before anything is served: a stdio session or an inherited connection
     * must close its device on SIGTERM as much as a TCP listener's sessions do.
     */
    static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Decide first: closing the server lets main() return and call exit() meanwhile.
            boolean bySignal = !exiting;
            try {
                // Every session learns it ends for a shutdown (its audit line says so) and closes
                // its device; then the listeners stop, ending any session that came in meanwhile.
                ActiveSessions.stopAll(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            SERVERS.forEach(TcpServer::close);
            if (bySignal) {
                LOG.info("terminated, all devices closed");
                Runtime.getRuntime().halt(0);
            }
        }, "rmt411-shutdown"));
    }

    /** Listeners the hook stops first (no new sessions), then their sessions end. */
    static void onTerm(List<TcpServer> servers) {
        SERVERS.addAll(servers);
    }

    static void exit(int code) {
        exiting = true;
        System.exit(code);
    }
}
