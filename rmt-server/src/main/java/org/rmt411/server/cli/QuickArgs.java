package org.rmt411.server.cli;

import org.rmt411.server.session.TraceLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rmt411.protocol.RmtRequestDecoder;
import org.rmt411.protocol.SeekOrder;
import org.rmt411.server.config.ConfigFile;
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
 * {@code QuickArgsTest} checks both parsers agree. The configuration file's settings are read
 * first, through the same code as the options they name, so the command line overrides them.
 */
final class QuickArgs {
    private static final List<String> VALUED = List.of("--port", "--bind", "--root", "--allow",
            "--max-sessions", "--max-record", "--seek-order", "--drives", "--capacity", "--early-warning", "--log",
            "--log-file", "--idle-timeout", "--config", "--policy", "--library", "--tls-cert", "--tls-key",
            "--tls-client-ca", "--capture");

    /** The TLS options, in the order of {@link TlsOptions}' components. */
    private static final List<String> TLS = List.of("--tls-cert", "--tls-key", "--tls-client-ca");

    private int port = ServerConfig.DEFAULT_PORT;
    private String bind;
    private Path root;
    private boolean rmt;
    private Path library;
    private Boolean tapes;
    private boolean stdio;
    private boolean inetd;
    private boolean readOnly;
    private TraceLevel trace = TraceLevel.OFF;
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
    private Path capture;

    private QuickArgs() {
    }

    /** The configuration without a file, or empty when picocli must handle these arguments. */
    static Optional<ServerConfig> parse(String... args) {
        return parse(ConfigFile.NONE, args);
    }

    /** The configuration, {@code file}'s settings overridden by {@code args}, or empty for picocli. */
    static Optional<ServerConfig> parse(ConfigFile file, String... args) {
        QuickArgs q = new QuickArgs();
        try {
            for (Map.Entry<String, ConfigFile.Setting> setting : file.settings().entrySet()) {
                q.setting(setting.getKey(), setting.getValue().value());
            }
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                String value = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (name.equals("--trace") && value != null) {
                    // --trace=verbose: the value must be attached, as picocli's optional value is.
                    q.trace = TraceLevel.parse(value);
                    continue;
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
        ServerConfig config = q.config(file);
        return config.problem() == null ? Optional.of(config) : Optional.empty();
    }

    /** A checked {@code key = value} of the file, as {@code --key value} or a flag. */
    private void setting(String key, String value) {
        String option = "--" + key;
        if (!ConfigKeys.SWITCHES.contains(key)) {
            valued(option, value);
            return;
        }
        boolean on = Boolean.parseBoolean(value);
        if (key.equals("tapes") || key.equals("autoloader")) {
            flag(on ? option : "--no-" + key);
        } else if (on) {
            flag(option);
        }
    }

    private boolean flag(String name) {
        switch (name) {
            case "--rmt":
                rmt = true;
                return true;
            case "--tapes":
                tapes = true;
                return true;
            case "--no-tapes":
                tapes = false;
                return true;
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
                trace = TraceLevel.LINES;
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
            case "--trace":
                trace = TraceLevel.parse(value);
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
            case "--capture":
                capture = Path.of(value);
                break;
            case "--tls-cert":
            case "--tls-key":
            case "--tls-client-ca":
                tls[TLS.indexOf(name)] = Path.of(value);
                break;
            case "--config":
            case "--policy":
                break; // read before parsing (ConfigLoad); its settings came in through setting()
            default:
                devices(name, value);
        }
    }

    /** The options about what device names lead to: root, library and its drives. */
    private void devices(String name, String value) {
        switch (name) {
            case "--root":
                root = Path.of(value);
                break;
            case "--library":
                library = Path.of(value);
                break;
            case "--drives":
                drives = number(value);
                break;
            case "--capacity":
                capacity = ByteSize.parse(value);
                break;
            default:
                earlyWarning = ByteSize.parse(value);
        }
    }

    private ServerConfig config(ConfigFile file) {
        long warning = earlyWarning != null ? earlyWarning : TapeOptions.defaultEarlyWarning(capacity);
        return new ServerConfig(port, bind, root, stdio, inetd, readOnly, allow, maxSessions, maxRecord, seekOrder,
                trace, idleTimeout, new TapeLibrary.Settings(drives, capacity, warning, autoloader),
                new LogOptions(logMode, logFile), new ServerConfig.Modes(rmt, library, tapes), file.access(),
                new TlsOptions(tls[0], tls[1], tls[2]), capture);
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
