package org.rmt411.server.cli;

import java.util.List;
import java.util.logging.Logger;
import org.rmt411.server.transport.TcpServer;

/**
 * SIGTERM handling: stop accepting, let every session close its device, exit 0. The JVM would
 * report 143 for a signal, which service managers count as a failure, so the hook ends with
 * {@code halt(0)} unless the exit was our own. One hook for all servers: two hooks would each
 * halt while the other still closes.
 */
final class ShutdownHook {
    private static final Logger LOG = Logger.getLogger("rmt411");
    private static volatile boolean exiting;

    private ShutdownHook() {
    }

    static void onTerm(List<TcpServer> servers) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Decide first: closing the server lets main() return and call exit() meanwhile.
            boolean bySignal = !exiting;
            servers.forEach(TcpServer::close);
            if (bySignal) {
                LOG.info("terminated, all devices closed");
                Runtime.getRuntime().halt(0);
            }
        }, "rmt411-shutdown"));
    }

    static void exit(int code) {
        exiting = true;
        System.exit(code);
    }
}
