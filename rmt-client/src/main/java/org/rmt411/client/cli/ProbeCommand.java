package org.rmt411.client.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.rmt411.client.transport.Probe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code probe HOST[:PORT]}: says whether an rmt server, a Direct Connect hub or else answers. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Say what answers on HOST[:PORT] (default port 411), whether it speaks TLS, and the"
                + " subject and expiry of its certificate.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:an rmt server", "2:usage error", "10:a Direct Connect hub",
            "11:something else", "12:nothing (no connection)",
            "13:a TLS server that did not let the probe in (untrusted or refused)"})
final class ProbeCommand implements Callable<Integer> {
    /** Exit code per verdict. */
    enum Answer {
        RMT(0), DC_HUB(10), OTHER(11), NOTHING(12), TLS(13);

        final int code;

        Answer(int code) {
            this.code = code;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Connect and reply timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--greeting-wait", paramLabel = "MILLIS", defaultValue = "1000",
            description = "How long to wait for an unasked greeting (default: ${DEFAULT-VALUE}).")
    int greetingMillis;

    @CommandLine.Mixin
    TlsFlags tls = new TlsFlags();

    @Parameters(index = "0", paramLabel = "HOST[:PORT]")
    String hostPort;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        HostPort target;
        try {
            target = HostPort.parse(hostPort, 411);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
        Probe.Result result = Probe.probe(target.host(), target.port(), Duration.ofMillis(greetingMillis),
                Duration.ofSeconds(timeoutSeconds), tls.settings(cli));
        cli.getOut().println(target + ": " + result.detail());
        cli.getOut().flush();
        return Answer.valueOf(result.kind().name()).code;
    }
}
