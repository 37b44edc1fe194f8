package org.rmt411.server.cli;

import org.rmt411.server.transport.TcpServer;

/**
 * SIGTERM handling: stop accepting, let every session close its device, exit 0. The JVM would
 * report 143 for a signal, which service managers count as a failure, so the hook ends with
 * {@code halt(0)} unless the exit was our own.
 */
final class ShutdownHook {
    private static volatile boolean exiting;

    private ShutdownHook() {
    }

    static void onTerm(TcpServer server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Decide first: closing the server lets main() return and call exit() meanwhile.
            boolean bySignal = !exiting;
            server.close();
            if (bySignal) {
                System.err.println("rmt-server: terminated, all devices closed");
                System.err.flush();
                Runtime.getRuntime().halt(0);
            }
        }, "rmt411-shutdown"));
    }

    static void exit(int code) {
        exiting = true;
        System.exit(code);
    }
}
