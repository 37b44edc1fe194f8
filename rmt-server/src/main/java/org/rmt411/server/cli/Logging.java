package org.rmt411.server.cli;

/**
 * One-line log records on stderr. JUL's console handler already writes to stderr, which matters
 * in stdio mode where stdout is the protocol.
 */
final class Logging {
    private Logging() {
    }

    static void configure() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format",
                    "%1$tF %1$tT rmt-server %4$s: %5$s%6$s%n");
        }
    }
}
