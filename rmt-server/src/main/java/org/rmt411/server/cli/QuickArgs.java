package org.rmt411.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rmt411.protocol.RmtRequestDecoder;
import org.rmt411.protocol.SeekOrder;
import org.rmt411.server.session.SessionOptions;
import org.rmt411.server.logging.LogMode;
import org.rmt411.server.logging.LogOptions;
import org.rmt411.server.tape.ByteSize;
import org.rmt411.server.tape.TapeLibrary;

/**
 * Reads the plain server invocations ({@code --stdio --root DIR}, {@code --port N} ...) without
 * building picocli's model. tar, cpio, mt and dump start one server per archive or per
 * {@code mt} command, and picocli's reflective model costs about 100 ms of CPU each time, as
 * much as GNU rmt spends on a 256 MiB archive. Anything this class does not fully understand
 * (help, version, subcommands, a bad value) goes to picocli, which owns usage and errors;
 * {@code QuickArgsTest} checks both parsers agree.
 */
final class QuickArgs {
    private static final List<String> VALUED = List.of("--port", "--bind", "--root", "--allow",
            "--max-sessions", "--max-record", "--seek-order", "--drives", "--capacity", "--early-warning", "--log",
            "--log-file", "--idle-timeout", "--tls-cert", "--tls-key", "--tls-client-ca");

    private int port = ServerConfig.DEFAULT_PORT;
    private String bind;
    private Path root = Path.of(ServerConfig.DEFAULT_ROOT);
    private boolean stdio;
    private boolean inetd;
    private boolean readOnly;
    private boolean trace;
    private java.time.Duration idleTimeout = SessionOptions.DEFAULT_IDLE_TIMEOUT;
    private final List<String> allow = new ArrayList<>();
    private int maxSessions = ServerConfig.DEFAULT_MAX_SESSIONS;
    private int maxRecord = RmtRequestDecoder.DEFAULT_MAX_RECORD;
    private SeekOrder seekOrder = SeekOrder.AUTO;
    private int drives = TapeLibrary.Settings.DEFAULT.drives();
    private long capacity = TapeLibrary.Settings.DEFAULT.capacity();
    private Long earlyWarning;
    private boolean autoloader = TapeLibrary.Settings.DEFAULT.autoloader();
    private LogMode logMode = LogMode.AUTO;
    private Path logFile;
    private final Path[] tls = new Path[3];

    private QuickArgs() {
    }

    /** The configuration, or empty when picocli must handle these arguments. */
    static Optional<ServerConfig> parse(String... args) {
        QuickArgs q = new QuickArgs();
        try {
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                String value = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (VALUED.contains(name)) {
                    if (value == null) {
                        if (++i == args.length) {
                            return Optional.empty();
                        }
                        value = args[i];
                    }
                    q.valued(name, value);
                } else if (value != null || !q.flag(name)) {
                    return Optional.empty();
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        ServerConfig config = q.config();
        return config.problem() == null ? Optional.of(config) : Optional.empty();
    }

    private boolean flag(String name) {
        switch (name) {
            case "--stdio":
                stdio = true;
                return true;
            case "--inetd":
                inetd = true;
                return true;
            case "--read-only":
                readOnly = true;
                return true;
            case "--trace":
                trace = true;
                return true;
            case "--autoloader":
                autoloader = true;
                return true;
            case "--no-autoloader":
                autoloader = false;
                return true;
            default:
                return false;
        }
    }

    private void valued(String name, String value) {
        switch (name) {
            case "--port":
                port = number(value);
                break;
            case "--bind":
                bind = value;
                break;
            case "--root":
                root = Path.of(value);
                break;
            case "--allow":
                allow.addAll(Arrays.asList(value.split(",")));
                break;
            case "--max-sessions":
                maxSessions = number(value);
                break;
            case "--max-record":
                maxRecord = number(value);
                break;
            case "--seek-order":
                seekOrder = seekOrder(value);
                break;
            case "--drives":
                drives = number(value);
                break;
            case "--capacity":
                capacity = ByteSize.parse(value);
                break;
            case "--idle-timeout":
                idleTimeout = DurationValue.parse(value);
                break;
            case "--log":
                logMode = LogMode.parse(value);
                break;
            case "--log-file":
                logFile = Path.of(value);
                break;
            case "--tls-cert":
                tls[0] = Path.of(value);
                break;
            case "--tls-key":
                tls[1] = Path.of(value);
                break;
            case "--tls-client-ca":
                tls[2] = Path.of(value);
                break;
            default:
                earlyWarning = ByteSize.parse(value);
        }
    }

    private ServerConfig config() {
        long warning = earlyWarning != null ? earlyWarning : TapeOptions.defaultEarlyWarning(capacity);
        return new ServerConfig(port, bind, root, stdio, inetd, readOnly, allow, maxSessions, maxRecord, seekOrder,
                trace, idleTimeout, new TapeLibrary.Settings(drives, capacity, warning, autoloader),
                new LogOptions(logMode, logFile), new TlsOptions(tls[0], tls[1], tls[2]));
    }

    /** A whole number, shared with the picocli converter. */
    static int number(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number");
        }
    }

    /** {@code auto|offset-first|whence-first}, shared with the picocli converter. */
    static SeekOrder seekOrder(String value) {
        try {
            return SeekOrder.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected auto, offset-first or whence-first");
        }
    }
}
