package org.rmt411.server.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.rmt411.protocol.SeekOrder;
import org.rmt411.server.tape.TapeLibrary;
import org.rmt411.server.transport.CidrSet;

/**
 * Everything the server command line decides, whichever parser read it.
 *
 * @param port TCP port (0 = any free one)
 * @param bind local address, or {@code null} for all interfaces
 * @param allow peer networks; empty means loopback only
 * @param idleTimeout how long a client may stay silent before its session ends ({@code ZERO}: never)
 * @param tapes the virtual tape library: drives, blank-cartridge capacity, autoloader
 */
public record ServerConfig(int port, String bind, Path root, boolean stdio, boolean inetd, boolean readOnly,
        List<String> allow, int maxSessions, int maxRecord, SeekOrder seekOrder, boolean trace,
        Duration idleTimeout, TapeLibrary.Settings tapes) {

    /** Embedded defaults: the README's command starts with these. */
    public static final int DEFAULT_PORT = 411;
    public static final String DEFAULT_ROOT = "./tapes";
    public static final int DEFAULT_MAX_SESSIONS = 64;

    public ServerConfig {
        allow = List.copyOf(allow);
    }

    /** What is wrong with the combination, or {@code null} when it can run. */
    public String problem() {
        if (stdio && inetd) {
            return "--stdio and --inetd exclude each other";
        }
        if (port < 0 || port > 65535) {
            return "--port must be 0..65535";
        }
        if (maxSessions < 1) {
            return "--max-sessions must be at least 1";
        }
        if (maxRecord < 1) {
            return "--max-record must be at least 1";
        }
        try {
            new CidrSet(allow);
        } catch (IllegalArgumentException e) {
            return "--allow: " + e.getMessage();
        }
        return TapeOptions.problem(tapes);
    }

    /** The allowlist to enforce. */
    CidrSet allowed() {
        return new CidrSet(allow.isEmpty() ? CidrSet.LOOPBACK : allow);
    }
}
