package org.rmt411.server.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.rmt411.protocol.SeekOrder;
import org.rmt411.server.logging.LogOptions;
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
 * @param log {@code --log} and {@code --log-file} (acted on by {@code Logging.start} before parsing)
 * @param tls {@code --tls-cert}, {@code --tls-key}, {@code --tls-client-ca}; {@link TlsOptions#NONE} for plain TCP
 */
public record ServerConfig(int port, String bind, Path root, boolean stdio, boolean inetd, boolean readOnly,
        List<String> allow, int maxSessions, int maxRecord, SeekOrder seekOrder, boolean trace,
        Duration idleTimeout, TapeLibrary.Settings tapes, LogOptions log, TlsOptions tls) {

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
            return "--port " + port + ": expected 0 to 65535";
        }
        if (root.toString().isEmpty()) {
            return "--root: the folder name is empty";
        }
        if (bind != null && bind.isBlank()) {
            return "--bind: the address is empty";
        }
        if (maxSessions < 1) {
            return "--max-sessions " + maxSessions + ": expected at least 1";
        }
        if (maxRecord < 1) {
            return "--max-record " + maxRecord + ": expected at least 1";
        }
        try {
            new CidrSet(allow);
        } catch (IllegalArgumentException e) {
            return "--allow: " + e.getMessage();
        }
        String logProblem = log.problem();
        if (logProblem != null) {
            return logProblem;
        }
        String tlsProblem = tls.problem(stdio);
        return tlsProblem != null ? tlsProblem : TapeOptions.problem(tapes);
    }

    /** The allowlist to enforce. */
    CidrSet allowed() {
        return new CidrSet(allow.isEmpty() ? CidrSet.LOOPBACK : allow);
    }
}
