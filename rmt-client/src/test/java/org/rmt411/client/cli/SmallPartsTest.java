package org.rmt411.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.rmt411.protocol.MtStatus;

class SmallPartsTest {
    @Test
    void hostPort() {
        assertThat(HostPort.parse("h", 411)).isEqualTo(new HostPort("h", 411));
        assertThat(HostPort.parse("h:4111", 411)).isEqualTo(new HostPort("h", 4111));
        assertThat(HostPort.parse("[::1]:9", 411)).isEqualTo(new HostPort("::1", 9));
        assertThat(HostPort.parse("::1", 411)).isEqualTo(new HostPort("::1", 411));
        assertThatThrownBy(() -> HostPort.parse("h:0", 411)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostPort.parse(":5", 411)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void progressLineShowsPercentRateAndEta() {
        long[] now = {0};
        StringWriter err = new StringWriter();
        ProgressMeter meter = new ProgressMeter(new PrintWriter(err), 100L << 20, () -> now[0]);
        now[0] = 1_000_000_000L;
        meter.accept(25L << 20);
        assertThat(err.toString()).contains(" 25%", "25.0 MiB of 100.0 MiB", "25.0 MiB/s", "ETA 0:03");
        meter.finish();
        assertThat(err.toString()).endsWith(System.lineSeparator());
    }

    @Test
    void progressIsDrawnOnlyWhenStderrIsATerminal() {
        assertThat(ProgressMeter.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(ProgressMeter.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(ProgressMeter.isTerminalDevice("/dev/console")).isTrue();
        assertThat(ProgressMeter.isTerminalDevice("pipe:[4026]")).isFalse();
        assertThat(ProgressMeter.isTerminalDevice("/home/me/backup.log")).isFalse();
        assertThat(ProgressMeter.isTerminalDevice("/dev/null")).isFalse();
        // Under the test runner stderr is a pipe or a file, never a terminal.
        assertThat(ProgressMeter.stderrIsTerminal()).isFalse();
    }

    @Test
    void bridgeAcceptsWhatTarCpioMtAndDumpPass() {
        for (String[] argv : new String[][] {{"bridge", "host", "/usr/sbin/rmt"},
            {"bridge", "host", "-l", "root", "/usr/sbin/rmt"}, {"bridge", "--port", "4111", "host:411", "/etc/rmt"}}) {
            picocli.CommandLine cli = ClientMain.commandLine(argv[0]);
            picocli.CommandLine.ParseResult parsed = cli.parseArgs(argv);
            assertThat(parsed.subcommand().matchedPositional(0).getValue().toString()).startsWith("host");
        }
    }

    @Test
    void onlyTheNamedSubcommandIsBuiltButHelpListsThemAll() {
        assertThat(ClientMain.commandLine("backup").getSubcommands()).containsOnlyKeys("backup");
        assertThat(ClientMain.commandLine("--help").getSubcommands())
                .containsOnlyKeys("backup", "list", "restore", "mt", "bridge", "probe", "console");
        Cli help = Cli.run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("backup", "list", "restore", "mt", "bridge", "probe", "console", "Exit codes");
        Cli unknown = Cli.run("frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("frobnicate");
        assertThat(Cli.run("backup", "--help").out()).contains("--blocking-factor");
    }

    @Test
    void statusWords() {
        MtStatus s = new MtStatus(0x72, 0, (3L << 24) | 10240, MtStatus.GMT_EOF | MtStatus.GMT_WR_PROT
                | MtStatus.GMT_ONLINE, 0, 4, 0);
        StringWriter out = new StringWriter();
        MtCommand.print(new PrintWriter(out), s);
        assertThat(out.toString()).contains("file number: 4", "block size: 10240", "density code: 0x03",
                "status: EOF WR_PROT ONLINE");
    }
}
