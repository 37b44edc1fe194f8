package org.rmt411.client.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rmt411.client.RemoteTarget;
import org.rmt411.client.console.Console;
import org.rmt411.client.console.LineSource;
import org.rmt411.client.console.TerminalLines;
import org.rmt411.client.transport.ProcessTransport;
import org.rmt411.client.transport.RmtTransport;
import org.rmt411.client.transport.TcpTransport;
import org.rmt411.protocol.SeekOrder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code console}: the protocol by hand. The transport is chosen here as for the other commands
 * (TCP, TLS with the {@link TlsFlags}, or a remote shell running any rmt); the console itself only
 * sees an {@link RmtTransport.Factory}. A terminal gets line editing, history and completion;
 * anything else (a pipe, a file) is read as a script.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Type rmt requests by hand and see their exact bytes and what they did.",
        footer = {"", "Commands: open, write, read, seek, status, close, version, weof, fsf, bsf, fsr, bsr,",
            "eom, rewind, offline, raw \"BYTES\", help, quit. Type help in the console for their arguments."})
final class ConsoleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST[:PORT]",
            description = "rmt411 server (default: localhost:411); with --rsh-command, [USER@]HOST.")
    String where;

    @CommandLine.Mixin
    TlsFlags tls = new TlsFlags();

    @Option(names = "--rsh-command", paramLabel = "CMD",
            description = "Reach any rmt server (GNU rmt, dump's rmt, rmt411d --rmt) through this remote shell.")
    String rshCommand;

    @Option(names = "--rmt-command", paramLabel = "CMD", defaultValue = "/usr/sbin/rmt",
            description = "rmt program the remote shell runs (default: ${DEFAULT-VALUE}).")
    String rmtCommand;

    @Option(names = "--seek-order", paramLabel = "ORDER", defaultValue = "offset-first",
            description = "How seek writes L: offset-first (rmt411, BSD, dump) or whence-first (GNU rmt >=1.23).")
    String seekOrder;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for a reply before giving up on it (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        Console console = new Console(connector(cli), order(cli), cli.getOut());
        boolean terminal = System.console() != null;
        try (LineSource lines = terminal ? TerminalLines.system()
                : LineSource.plain(new InputStreamReader(System.in, StandardCharsets.UTF_8), cli.getOut())) {
            console.connect();
            return console.run(lines);
        }
    }

    private RmtTransport.Factory connector(CommandLine cli) {
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        if (rshCommand != null) {
            if (tls.settings(cli) != null) {
                throw new CommandLine.ParameterException(cli,
                        "--tls applies to TCP, not --rsh-command (the remote shell is the secure channel there)");
            }
            if (where == null) {
                throw new CommandLine.ParameterException(cli, "--rsh-command needs a HOST");
            }
            RemoteTarget target;
            try {
                target = RemoteTarget.parse(where + ":-");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cli, e.getMessage());
            }
            return ProcessTransport.factory(ProcessTransport.remoteShellCommand(rshCommand, target.host(),
                    target.user(), rmtCommand), timeout);
        }
        HostPort hostPort;
        try {
            hostPort = HostPort.parse(where == null ? "localhost" : where, TcpTransport.DEFAULT_PORT);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
        return TcpTransport.factory(hostPort.host(), hostPort.port(), timeout, timeout, tls.settings(cli));
    }

    private SeekOrder order(CommandLine cli) {
        try {
            return SeekOrder.valueOf(seekOrder.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, "unknown --seek-order " + seekOrder
                    + ": offset-first or whence-first");
        }
    }
}
