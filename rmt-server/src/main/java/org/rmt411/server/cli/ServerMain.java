package org.rmt411.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rmt411.protocol.RmtRequestDecoder;
import org.rmt411.protocol.SeekOrder;
import org.rmt411.server.session.SessionOptions;
import org.rmt411.server.transport.CidrSet;
import org.rmt411.server.transport.SessionFactory;
import org.rmt411.server.transport.StreamTransports;
import org.rmt411.server.transport.TcpServer;
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
    /** Exit code for a runtime failure. */
    static final int EXIT_RUNTIME = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "411", paramLabel = "PORT",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}, the IANA rmt port; 0 picks a free one).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Local address to listen on (default: all interfaces, filtered by --allow).")
    private String bind;

    @Option(names = "--root", defaultValue = "./tapes", paramLabel = "DIR",
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
    private List<String> allow = new ArrayList<>();

    @Option(names = "--max-sessions", defaultValue = "64", paramLabel = "N",
            description = "Connections served at once; more are refused (default: ${DEFAULT-VALUE}).")
    private int maxSessions;

    @Option(names = "--max-record", defaultValue = "" + RmtRequestDecoder.DEFAULT_MAX_RECORD, paramLabel = "BYTES",
            description = "Largest R or W count accepted (default: ${DEFAULT-VALUE}, 16 MiB - 1).")
    private int maxRecord;

    @Option(names = "--seek-order", defaultValue = "auto", paramLabel = "ORDER",
            converter = SeekOrderConverter.class,
            description = "L argument order: auto, offset-first or whence-first (default: ${DEFAULT-VALUE}).")
    private SeekOrder seekOrder;

    @Option(names = "--trace", description = "Log one stderr line per request and reply (never payload bytes).")
    private boolean trace;

    @CommandLine.Mixin
    private TapeOptions tapes;

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        Logging.configure();
        int code = run(args);
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
            return EXIT_RUNTIME;
        });
    }

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        SessionFactory sessions;
        try {
            Files.createDirectories(root);
            sessions = ServerRuntime.sessions(root, readOnly,
                    new SessionOptions(maxRecord, seekOrder, trace), tapes.settings());
        } catch (IOException e) {
            err.println("rmt-server: cannot use root folder " + root + ": " + e.getMessage());
            return EXIT_RUNTIME;
        }
        CidrSet allowed = new CidrSet(allow.isEmpty() ? CidrSet.LOOPBACK : allow);
        if (stdio) {
            StreamTransports.serveStdio(sessions);
            return 0;
        }
        if (inetd) {
            return serve(StreamTransports.serveInherited(sessions, allowed, maxSessions), err);
        }
        return listen(sessions, allowed, err);
    }

    private int listen(SessionFactory sessions, CidrSet allowed, PrintWriter err) throws Exception {
        InetSocketAddress address = bind == null
                ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getByName(bind), port);
        TcpServer server;
        try {
            server = TcpServer.bind(address, sessions, allowed, maxSessions);
        } catch (BindException e) {
            err.println(BindAdvice.explain(port, e));
            return EXIT_RUNTIME;
        }
        err.println("rmt-server: listening on " + address.getAddress().getHostAddress() + ":" + server.port()
                + ", root " + root.toAbsolutePath().normalize() + ", allow " + allowed
                + (readOnly ? ", read-only" : ""));
        err.flush();
        return serve(server, err);
    }

    private static int serve(TcpServer server, PrintWriter err) throws InterruptedException {
        if (server == null) {
            return 0;
        }
        ShutdownHook.onTerm(server);
        server.awaitTermination();
        return 0;
    }

    private void validate() {
        if (stdio && inetd) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--stdio and --inetd exclude each other");
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535");
        }
        if (maxSessions < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-sessions must be at least 1");
        }
        if (maxRecord < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-record must be at least 1");
        }
        tapes.validate(spec.commandLine());
        try {
            new CidrSet(allow);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--allow: " + e.getMessage());
        }
    }

    /** Parses {@code auto|offset-first|whence-first}. */
    static final class SeekOrderConverter implements CommandLine.ITypeConverter<SeekOrder> {
        @Override
        public SeekOrder convert(String value) {
            return SeekOrder.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }
}
