package org.rmt411.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rmt411.protocol.RmtRequestDecoder;
import org.rmt411.protocol.SeekOrder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code rmt-server} command: serve a root folder over TCP, stdio or an inherited socket. */
@Command(name = "rmt-server", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false,
        description = "Serves the rmt (Remote Magnetic Tape) protocol: virtual tape drives /dev/nstN and "
                + "/dev/stN, and plain files under --root, for GNU tar, cpio, mt and dump/restore.",
        subcommands = {CartridgeCommand.class, DrivesCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:served and stopped normally (end of input, SIGTERM)",
            "1:runtime error (cannot bind the port, unusable root, no inherited socket)",
            "2:usage error (bad option or value)"})
public final class ServerMain implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "" + ServerConfig.DEFAULT_PORT, paramLabel = "PORT",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}, the IANA rmt port; 0 picks a free one).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Local address to listen on (default: all interfaces, filtered by --allow).")
    private String bind;

    @Option(names = "--root", defaultValue = ServerConfig.DEFAULT_ROOT, paramLabel = "DIR",
            description = "Folder every device name resolves inside; created if missing (default: ${DEFAULT-VALUE}).")
    private Path root;

    @Option(names = "--stdio", description = "Serve one session on stdin/stdout (for ssh, rsh, tar --rsh-command, inetd nowait).")
    private boolean stdio;

    @Option(names = "--inetd", description = "Serve the socket inherited from inetd or a systemd socket unit.")
    private boolean inetd;

    @Option(names = "--read-only", description = "Refuse every open for writing with E30.")
    private boolean readOnly;

    @Option(names = "--allow", paramLabel = "CIDR", split = ",",
            description = "Peers allowed to connect (repeatable; default: loopback only, 127.0.0.0/8 and ::1).")
    private List<String> allow = new java.util.ArrayList<>();

    @Option(names = "--max-sessions", defaultValue = "" + ServerConfig.DEFAULT_MAX_SESSIONS, paramLabel = "N",
            description = "Connections served at once; more are refused (default: ${DEFAULT-VALUE}).")
    private int maxSessions;

    @Option(names = "--max-record", defaultValue = "" + RmtRequestDecoder.DEFAULT_MAX_RECORD, paramLabel = "BYTES",
            description = "Largest R or W count accepted (default: ${DEFAULT-VALUE}, 16 MiB - 1).")
    private int maxRecord;

    @Option(names = "--seek-order", defaultValue = "auto", paramLabel = "ORDER",
            converter = SeekOrderConverter.class,
            description = "L argument order: auto, offset-first or whence-first (default: ${DEFAULT-VALUE}).")
    private SeekOrder seekOrder;

    @Option(names = "--idle-timeout", defaultValue = "1h", paramLabel = "DURATION",
            converter = IdleTimeoutConverter.class,
            description = "End a session whose client sent nothing for this long, closing its device as C "
                    + "does (90s, 15m, 1h; 0 = never; default: ${DEFAULT-VALUE}).")
    private java.time.Duration idleTimeout;

    @Option(names = "--trace", description = "Log one stderr line per request and reply (never payload bytes).")
    private boolean trace;

    @CommandLine.Mixin
    private TapeOptions tapes;

    /** Runs the command and exits with its code. */
    public static void main(String[] args) throws Exception {
        Logging.configure();
        java.util.Optional<ServerConfig> quick = QuickArgs.parse(args);
        int code = quick.isPresent()
                ? ServerLauncher.launch(quick.get(), new PrintWriter(System.err, true))
                : run(args);
        ShutdownHook.exit(code);
    }

    /** Runs the command without exiting (for tests). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the command with its own output writers (for tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    /** The command with its subcommands; their failures print one line, not a stack trace. */
    private static CommandLine commandLine() {
        return new CommandLine(new ServerMain()).setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": "
                    + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return ServerLauncher.EXIT_RUNTIME;
        });
    }

    /** What picocli makes of {@code args} (for the parser agreement test). */
    static ServerConfig parse(String... args) {
        ServerMain main = new ServerMain();
        new CommandLine(main).parseArgs(args);
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

    private ServerConfig config() {
        return new ServerConfig(port, bind, root, stdio, inetd, readOnly, allow, maxSessions, maxRecord, seekOrder,
                trace, idleTimeout, tapes.settings());
    }

    /** Parses {@code 90s}, {@code 15m}, {@code 1h}, {@code 0}. */
    static final class IdleTimeoutConverter implements CommandLine.ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            return DurationValue.parse(value);
        }
    }

    /** Parses {@code auto|offset-first|whence-first}. */
    static final class SeekOrderConverter implements CommandLine.ITypeConverter<SeekOrder> {
        @Override
        public SeekOrder convert(String value) {
            return QuickArgs.seekOrder(value);
        }
    }
}
