package org.rmt411.server.cli;

import org.rmt411.server.session.TraceLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.rmt411.protocol.SeekOrder;
import org.rmt411.server.access.AccessPolicy;
import org.rmt411.server.logging.LogOptions;
import org.rmt411.server.tape.TapeLibrary;
import org.rmt411.server.transport.CidrSet;

/**
 * Everything the server command line and its configuration file decide, whichever parser read
 * them.
 *
 * @param port TCP port (0 = any free one)
 * @param bind local address, or {@code null} for all interfaces
 * @param root the folder names are confined to; {@code null} only with {@code --rmt}: host
 *     paths as GNU rmt opens them
 * @param allow peer networks; empty means loopback only
 * @param idleTimeout how long a client may stay silent before its session ends ({@code ZERO}: never)
 * @param tapes the virtual tape library: drives, blank-cartridge capacity, autoloader
 * @param log {@code --log} and {@code --log-file} (acted on by {@code Logging.start} before parsing)
 * @param modes {@code --rmt}, {@code --library} and {@code --[no-]tapes}
 * @param access the access rules: the {@code --policy} file's, then the configuration file's
 * @param tls {@code --tls-cert}, {@code --tls-key}, {@code --tls-client-ca}; {@link TlsOptions#NONE} for plain TCP
 * @param capture the pcapng file every session is recorded into ({@code --capture}), or {@code null}
 */
public record ServerConfig(int port, String bind, Path root, boolean stdio, boolean inetd, boolean readOnly,
        List<String> allow, int maxSessions, int maxRecord, SeekOrder seekOrder, TraceLevel trace,
        Duration idleTimeout, TapeLibrary.Settings tapes, LogOptions log, Modes modes, AccessPolicy access,
        TlsOptions tls, Path capture) {

    /** Embedded defaults: the README's command starts with these. */
    public static final int DEFAULT_PORT = 411;
    public static final String DEFAULT_ROOT = "./tapes";
    public static final int DEFAULT_MAX_SESSIONS = 64;
    /** The library of {@code --rmt} without a root. */
    public static final Path SYSTEM_LIBRARY = Path.of("/var/lib/rmt411/library");

    /**
     * How device names are served.
     *
     * @param rmt the remote-shell mode: stdio, the system configuration, GNU rmt's paths
     * @param library the tape library's folder as given, or {@code null}
     * @param tapesGiven {@code --tapes} ({@code true}), {@code --no-tapes} ({@code false}) or neither ({@code null})
     */
    public record Modes(boolean rmt, Path library, Boolean tapesGiven) {
        /** No mode option given. */
        public static final Modes DEFAULT = new Modes(false, null, null);
    }

    public ServerConfig {
        allow = List.copyOf(allow);
        if (root == null && !modes.rmt()) {
            root = Path.of(DEFAULT_ROOT);
        }
    }

    /** What is wrong with the combination, or {@code null} when it can run. */
    public String problem() {
        if (stdio && inetd) {
            return "--stdio and --inetd exclude each other";
        }
        if (modes.rmt() && inetd) {
            return "--rmt and --inetd exclude each other";
        }
        if (port < 0 || port > 65535) {
            return "--port " + port + ": expected 0 to 65535";
        }
        if (root != null && root.toString().isEmpty()) {
            return "--root: the folder name is empty";
        }
        if (modes.library() != null && modes.library().toString().isEmpty()) {
            return "--library: the folder name is empty";
        }
        if (capture != null && capture.toString().isEmpty()) {
            return "--capture: the file name is empty";
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
        String tlsProblem = tls.problem(servesStdio());
        return tlsProblem != null ? tlsProblem : TapeOptions.problem(tapes);
    }

    /** One session on stdin/stdout: {@code --stdio} or {@code --rmt}. */
    boolean servesStdio() {
        return stdio || modes.rmt();
    }

    /**
     * Whether {@code /dev/nstN} are virtual drives: by default yes, except for {@code --rmt},
     * where they are the host's devices unless a library or {@code --tapes} asks for them.
     */
    boolean virtualTapes() {
        if (modes.tapesGiven() != null) {
            return modes.tapesGiven();
        }
        return !modes.rmt() || modes.library() != null;
    }

    /** The tape library's folder, or {@code null} when there are no virtual tapes. */
    Path library() {
        if (!virtualTapes()) {
            return null;
        }
        if (modes.library() != null) {
            return modes.library();
        }
        return root != null ? root.resolve(TapeLibrary.FOLDER) : SYSTEM_LIBRARY;
    }

    /** The allowlist to enforce. */
    CidrSet allowed() {
        return new CidrSet(allow.isEmpty() ? CidrSet.LOOPBACK : allow);
    }
}
