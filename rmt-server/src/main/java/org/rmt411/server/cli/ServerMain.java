package org.rmt411.server.cli;

import org.rmt411.server.session.TraceLevel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rmt411.protocol.RmtRequestDecoder;
import org.rmt411.protocol.SeekOrder;
import org.rmt411.server.config.ConfigFile;
import org.rmt411.server.logging.LogMode;
import org.rmt411.server.logging.LogOptions;
import org.rmt411.server.logging.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code rmt-server} command: serve a root folder over TCP, stdio or an inherited socket. */
@Command(name = "rmt-server", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false,
        description = "Serves the rmt (Remote Magnetic Tape) protocol: virtual tape drives /dev/nstN and "
                + "/dev/stN, and plain files under --root, for GNU tar, cpio, mt and dump/restore. "
                + "Settings may also come from a configuration file (--config; --rmt reads /etc/rmt411/rmt411.conf).",
        subcommands = {CartridgeCommand.class, DrivesCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:served and stopped normally (end of input, SIGTERM)",
            "1:runtime error (cannot bind the port, unusable root or log file, no inherited socket)",
            "2:usage error (bad option or value)"})
public final class ServerMain implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** The configuration file read before parsing: its access rules (its settings are the defaults). */
    private final ConfigFile file;

    @Option(names = "--port", converter = Converters.Number.class, defaultValue = "" + ServerConfig.DEFAULT_PORT,
            paramLabel = "PORT",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}, the IANA rmt port; 0 picks a free one).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Local address to listen on (default: all interfaces, filtered by --allow).")
    private String bind;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Folder every device name resolves inside; created if missing (default: "
                    + ServerConfig.DEFAULT_ROOT + "; with --rmt none: host paths as GNU rmt opens them).")
    private Path root;

    @Option(names = "--stdio", description = "Serve one session on stdin/stdout (for ssh, rsh, tar --rsh-command, inetd nowait).")
    private boolean stdio;

    @Option(names = "--rmt", description = "Serve one session on stdin/stdout as the system's rmt (/usr/sbin/rmt):"
            + " read /etc/rmt411/rmt411.conf if it exists and, without a root, open device names as GNU rmt"
            + " does (host paths, the login's own permissions; /dev/nstN virtual only when the file enables tapes).")
    private boolean rmt;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read settings and access rules from FILE (with --rmt instead of /etc/rmt411/rmt411.conf);"
                    + " options given here override it.")
    private Path config;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Check every open against the allow/deny rules in FILE (by login, address, TLS"
                    + " certificate), tried before the configuration file's rules.")
    private Path policy;

    @Option(names = "--library", paramLabel = "DIR",
            description = "The tape library's folder (default: ROOT/library; with --rmt and no root "
                    + "/var/lib/rmt411/library).")
    private Path library;

    @Option(names = "--tapes", negatable = true, fallbackValue = "true",
            description = "Serve /dev/nstN and /dev/stN as virtual tape drives (default: on; with --rmt only when"
                    + " a library is set).")
    private Boolean tapesOn;

    @Option(names = "--inetd", description = "Serve the socket inherited as stdin from inetd, or from systemd with"
            + " StandardInput=socket (sockets systemd passes as LISTEN_FDS are served without it).")
    private boolean inetd;

    @Option(names = "--read-only", fallbackValue = "true", description = "Refuse every open for writing with E30.")
    private boolean readOnly;

    @Option(names = "--allow", paramLabel = "CIDR", split = ",",
            description = "Peers allowed to connect (repeatable; default: loopback only, 127.0.0.0/8 and ::1).")
    private List<String> allow = new java.util.ArrayList<>();

    @Option(names = "--max-sessions", converter = Converters.Number.class,
            defaultValue = "" + ServerConfig.DEFAULT_MAX_SESSIONS, paramLabel = "N",
            description = "Connections served at once; more are refused (default: ${DEFAULT-VALUE}).")
    private int maxSessions;

    @Option(names = "--max-record", converter = Converters.Number.class,
            defaultValue = "" + RmtRequestDecoder.DEFAULT_MAX_RECORD, paramLabel = "BYTES",
            description = "Largest R or W count accepted (default: ${DEFAULT-VALUE}, 16 MiB - 1).")
    private int maxRecord;

    @Option(names = "--seek-order", defaultValue = "auto", paramLabel = "ORDER",
            converter = Converters.Seek.class,
            description = "L argument order: auto, offset-first or whence-first (default: ${DEFAULT-VALUE}).")
    private SeekOrder seekOrder;

    @Option(names = "--idle-timeout", defaultValue = "1h", paramLabel = "DURATION",
            converter = Converters.Idle.class,
            description = "End a session whose client sent nothing for this long, closing its device as C "
                    + "does (90s, 15m, 1h; 0 = never; default: ${DEFAULT-VALUE}).")
    private java.time.Duration idleTimeout;

    @Option(names = "--trace", arity = "0..1", fallbackValue = "true", paramLabel = "verbose",
            converter = Converters.Trace.class,
            description = "Log one line per request and reply (never payload bytes); --trace=verbose adds what each "
                    + "request asks, which clients send it so, how its arguments were read, and tape positions.")
    private TraceLevel trace = TraceLevel.OFF;

    @Option(names = "--log", defaultValue = "auto", paramLabel = "DEST", converter = Converters.Log.class,
            description = "Where logs go: auto, stderr, journal, file or none (default: ${DEFAULT-VALUE}: stderr,"
                    + " unless it is a socket as under inetd; then the journal if journald runs, else nowhere).")
    private LogMode log;

    @Option(names = "--log-file", paramLabel = "FILE",
            description = "Append logs to FILE, one timestamped line per record (implies --log file).")
    private Path logFile;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Serve TLS (1.3, 1.2) instead of plain TCP with this PEM certificate chain, leaf first.")
    private Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The PEM private key of --tls-cert (PKCS#8, or traditional RSA/EC; unencrypted).")
    private Path tlsKey;

    @Option(names = "--tls-client-ca", paramLabel = "FILE",
            description = "Require client certificates issued by a CA in this PEM file (mutual TLS).")
    private Path tlsClientCa;

    @Option(names = "--capture", paramLabel = "FILE",
            description = "Record every session into FILE as a pcapng capture for Wireshark (a new section is"
                    + " appended to an existing capture; stdio sessions appear as TCP to port 411).")
    private Path capture;

    @CommandLine.Mixin
    private TapeOptions tapes;

    private ServerMain(ConfigFile file) {
        this.file = file;
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) throws Exception {
        // First, before anything can print: under inetd, stderr is the rmt connection. The
        // configuration file may say where logs go, so it is read first, printing nothing.
        ConfigLoad loaded = ConfigLoad.of(args);
        Logging.Started logging = Logging.start(loaded.logOptions(args), loaded.rmt());
        String problem = logging.problem() != null ? loaded.explain(logging.problem(), args) : loaded.problem();
        if (problem != null) {
            logging.err().println("rmt-server: " + problem);
            ShutdownHook.exit(StartupRefusal.answer(problem, args));
        }
        java.util.Optional<ServerConfig> quick = QuickArgs.parse(loaded.file(), args);
        int code = quick.isPresent()
                ? ServerLauncher.launch(quick.get(), logging.err())
                : commandLine(loaded.file()).setErr(logging.err()).execute(args);
        ShutdownHook.exit(code);
    }

    /** Runs the command without exiting (for tests). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command with its own output writers (for tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        ConfigLoad loaded = ConfigLoad.of(args);
        if (loaded.problem() != null) {
            err.println("rmt-server: " + loaded.problem());
            return ServerLauncher.EXIT_RUNTIME;
        }
        return commandLine(loaded.file()).setOut(out).setErr(err).execute(args);
    }

    /**
     * The command with its subcommands, {@code file}'s settings as the options' defaults; their
     * failures print one line, not a stack trace.
     */
    private static CommandLine commandLine(ConfigFile file) {
        return new CommandLine(new ServerMain(file)).setDefaultValueProvider(new FileDefaults(file))
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": "
                    + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return ServerLauncher.EXIT_RUNTIME;
        });
    }

    /** What picocli makes of {@code args} (for the parser agreement test). */
    static ServerConfig parse(String... args) {
        return parse(ConfigFile.NONE, args);
    }

    /** What picocli makes of {@code args} over {@code file}'s settings (for the parser agreement test). */
    static ServerConfig parse(ConfigFile file, String... args) {
        ServerMain main = new ServerMain(file);
        new CommandLine(main).setDefaultValueProvider(new FileDefaults(file)).parseArgs(args);
        return main.config();
    }

    @Override
    public Integer call() throws Exception {
        ServerConfig config = config();
        String problem = config.problem();
        if (problem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
        return ServerLauncher.launch(config, spec.commandLine().getErr());
    }

    /** The command and every subcommand, as the man pages and bash completion describe them. */
    public static CommandLine commandModel() {
        return commandLine(ConfigFile.NONE);
    }

    private ServerConfig config() {
        return new ServerConfig(port, bind, root, stdio, inetd, readOnly, allow, maxSessions, maxRecord, seekOrder,
                trace, idleTimeout, tapes.settings(), new LogOptions(log, logFile),
                new ServerConfig.Modes(rmt, library, tapesOn), file.access(),
                new TlsOptions(tlsCert, tlsKey, tlsClientCa), capture);
    }
}
