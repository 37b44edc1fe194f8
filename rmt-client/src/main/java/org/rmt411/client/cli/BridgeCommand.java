package org.rmt411.client.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.rmt411.client.transport.Bridge;
import org.rmt411.client.transport.WriteBehindRelay;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bridge HOST[:PORT] [-l USER] [RMT_COMMAND]}: a remote shell for stock tools. GNU tar,
 * cpio and GNU mt exec {@code RSH host [-l user] rmt} and dump execs {@code $RSH host -l user
 * rmt}; this command accepts exactly that and copies stdin/stdout to the TCP server instead.
 */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = {"Copy stdin/stdout to an rmt411 TCP (or, with --tls, TLS) server; usable as tar's, cpio's or mt's "
            + "--rsh-command and dump's RSH (through a one-line wrapper script).",
            "Trailing [-l USER] RMT_COMMAND arguments are accepted and ignored."})
final class BridgeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N",
            description = "Port when HOST has none (default: $RMT411_PORT, else 411).")
    Integer port;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Connect timeout.")
    int timeoutSeconds;

    @CommandLine.Mixin
    TlsFlags tls = new TlsFlags();

    @Option(names = "--write-behind",
            description = {"Acknowledge each write at once and forward it pipelined, as st's buffered "
                + "mode does: GNU tar then runs at the link's speed instead of one record per round "
                + "trip. Only as far ahead as rmt411's server promises room (early warning, free "
                + "space); a failed write is reported on the next request or at close. Against "
                + "other servers it relays request by request."})
    boolean writeBehind;

    @Option(names = "-l", paramLabel = "USER", description = "Ignored (remote shells pass the user).")
    String user;

    @Parameters(index = "0", paramLabel = "HOST[:PORT]", description = "The rmt411 server.")
    String hostPort;

    @Parameters(index = "1..*", paramLabel = "RMT_COMMAND", description = "Ignored.")
    List<String> ignored;

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        HostPort target;
        try {
            target = HostPort.parse(hostPort, port != null ? port : defaultPort());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
        Socket socket = Bridge.connect(target.host(), target.port(), Duration.ofSeconds(timeoutSeconds),
                tls.settings(cli));
        FileInputStream stdin = new FileInputStream(FileDescriptor.in);
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        if (writeBehind) {
            WriteBehindRelay.run(socket, stdin, stdout);
        } else {
            Bridge.run(socket, stdin, stdout);
        }
        return ExitCode.OK.code();
    }

    private static int defaultPort() {
        String env = System.getenv("RMT411_PORT");
        if (env != null && !env.isEmpty()) {
            try {
                return Integer.parseInt(env.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("RMT411_PORT is not a number: " + env);
            }
        }
        return 411;
    }
}
