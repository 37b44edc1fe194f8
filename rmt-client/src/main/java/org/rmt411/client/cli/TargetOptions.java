package org.rmt411.client.cli;

import java.time.Duration;
import java.util.Locale;
import org.rmt411.client.RemoteTarget;
import org.rmt411.client.RmtDialect;
import org.rmt411.client.trace.TracingTransport;
import org.rmt411.client.transport.ProcessTransport;
import org.rmt411.client.transport.RmtTransport;
import org.rmt411.client.transport.TcpTransport;
import org.rmt411.client.transport.TlsSettings;
import org.rmt411.protocol.SeekOrder;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where the archive or tape is and how to reach it: TCP to rmt411 by default, or a remote shell
 * running a stock rmt as tar does when {@code --rsh-command} is given.
 */
public final class TargetOptions {
    @Option(names = {"-f", "--file"}, paramLabel = "[USER@]HOST:PATH",
            description = "Remote archive or tape device (default: $TAPE).")
    String file;

    @Option(names = "--port", paramLabel = "N", description = "TCP port of the rmt411 server (default: ${DEFAULT-VALUE}).",
            defaultValue = "411")
    int port;

    @CommandLine.Mixin
    TlsFlags tls = new TlsFlags();

    @Option(names = "--rsh-command", paramLabel = "CMD",
            description = "Reach a stock rmt server through this remote shell (e.g. ssh) instead of TCP.")
    String rshCommand;

    @Option(names = "--rmt-command", paramLabel = "CMD", defaultValue = "/usr/sbin/rmt",
            description = "rmt program the remote shell runs (default: ${DEFAULT-VALUE}).")
    String rmtCommand;

    @Option(names = "--seek-order", paramLabel = "ORDER", defaultValue = "offset-first",
            description = "L argument order: offset-first (rmt411, BSD, dump) or whence-first (GNU rmt >=1.23).")
    String seekOrder;

    @Option(names = "--status-request", paramLabel = "FORM", defaultValue = "auto",
            description = "How to ask for status: auto (I-1, then s fields or S with newline), fields, line, bare.")
    String statusRequest;

    @Option(names = "--write-window", paramLabel = "N", defaultValue = "32",
            description = "Writes in flight before waiting for replies (default: ${DEFAULT-VALUE}).")
    int writeWindow;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "TCP connect timeout (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    // Generous by default: a rewind, retension or long erase of a real tape answers only when done.
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long one whole reply may take, however the server paces it (TCP or remote shell, "
                    + "which is then stopped); "
                    + "0 waits forever (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--trace", arity = "0..1", fallbackValue = "on", paramLabel = "verbose",
            description = "Log each request and reply to stderr, never payload bytes; --trace=verbose adds what each "
                    + "request asks, who sends it so, and errnos in words.")
    String trace;

    /** The --timeout for one reply; ten minutes when it is 0 (wait forever) and a bound is needed. */
    Duration replyTimeout() {
        return Duration.ofSeconds(timeoutSeconds > 0 ? timeoutSeconds : 600);
    }

    /** The parsed target; a usage error if it is missing or not remote. */
    RemoteTarget target(CommandLine cli) {
        String name = file != null ? file : System.getenv("TAPE");
        if (name == null || name.isEmpty()) {
            throw new CommandLine.ParameterException(cli, "no archive: give -f [USER@]HOST:PATH or set TAPE");
        }
        if (name.indexOf('\n') >= 0 || name.indexOf('\0') >= 0) {
            // rmt is line based: a newline would end the O request early (GNU rtapelib refuses too).
            throw new CommandLine.ParameterException(cli, "the archive name contains a newline or NUL");
        }
        if (trace != null && !trace.equals("on") && !trace.equalsIgnoreCase("verbose")) {
            throw new CommandLine.ParameterException(cli, "--trace takes no value or =verbose, not '" + trace + "'");
        }
        if (tls.settings(cli) != null && rshCommand != null) {
            throw new CommandLine.ParameterException(cli,
                    "--tls applies to TCP, not --rsh-command (the remote shell is the secure channel there)");
        }
        try {
            return RemoteTarget.parse(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }

    /** Bytes per record for a blocking factor; a usage error when out of range. */
    static int recordSize(CommandLine cli, int blockingFactor) {
        try {
            return org.rmt411.client.io.RecordOutputStream.recordSize(blockingFactor);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }

    /** A connector for the target: a remote shell if one was named, else TCP (TLS with --tls); traced with --trace. */
    RmtTransport.Factory connector(RemoteTarget target) {
        RmtTransport.Factory factory = plainConnector(target);
        if (trace == null) {
            return factory;
        }
        boolean verbose = trace.equalsIgnoreCase("verbose");
        return TracingTransport.wrap(factory, line -> System.err.println("rmt-client: trace: " + line), verbose);
    }

    private RmtTransport.Factory plainConnector(RemoteTarget target) {
        TlsSettings tlsSettings = tls.settings();
        if (rshCommand != null) {
            return ProcessTransport.factory(
                    ProcessTransport.remoteShellCommand(rshCommand, target.host(), target.user(), rmtCommand),
                    Duration.ofSeconds(Math.max(0, timeoutSeconds)));
        }
        return TcpTransport.factory(target.host(), port, Duration.ofSeconds(Math.max(1, connectTimeoutSeconds)),
                Duration.ofSeconds(Math.max(0, timeoutSeconds)), tlsSettings);
    }

    /** The dialect the options describe. */
    RmtDialect dialect(CommandLine cli) {
        try {
            SeekOrder order = SeekOrder.valueOf(seekOrder.toUpperCase(Locale.ROOT).replace('-', '_'));
            RmtDialect.StatusRequest status = switch (statusRequest.toLowerCase(Locale.ROOT)) {
                case "auto" -> RmtDialect.StatusRequest.AUTO;
                case "fields" -> RmtDialect.StatusRequest.FIELDS;
                case "line" -> RmtDialect.StatusRequest.STRUCT_LINE;
                case "bare" -> RmtDialect.StatusRequest.STRUCT_BARE;
                default -> throw new IllegalArgumentException("unknown --status-request " + statusRequest);
            };
            return new RmtDialect(order, status, writeWindow);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }
}
