package org.rmt411.server.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules that choose where logs go (README, "Logs"). */
class DestinationsTest {
    private static final StandardError PIPE = new StandardError(false, -1, -1);
    private static final StandardError INETD_SOCKET = new StandardError(true, 8, 4242);
    private static final StandardError JOURNAL_STREAM = new StandardError(true, 8, 777);

    @TempDir
    Path dir;

    private LogDestination choose(LogOptions options, StandardError stderr, String journalStream,
            boolean journaldRuns) throws Exception {
        Path socket = dir.resolve("stdout");
        Files.deleteIfExists(socket);
        if (journaldRuns) {
            Files.createFile(socket);
        }
        Map<String, String> env = journalStream == null ? Map.of() : Map.of("JOURNAL_STREAM", journalStream);
        return Destinations.choose(options, stderr, env, socket);
    }

    @Test
    void autoKeepsAPipeOrFileOrTerminal() throws Exception {
        assertThat(choose(LogOptions.AUTO, PIPE, null, true)).isEqualTo(new LogDestination.Stderr());
    }

    @Test
    void autoNeverWritesToASocketThatMayBeTheConnection() throws Exception {
        assertThat(choose(LogOptions.AUTO, INETD_SOCKET, null, false)).isEqualTo(new LogDestination.None());
        assertThat(choose(LogOptions.AUTO, INETD_SOCKET, "8:777", false)).isEqualTo(new LogDestination.None());
    }

    @Test
    void autoPrefersJournaldsSocketWhenStderrIsASocket() throws Exception {
        assertThat(choose(LogOptions.AUTO, INETD_SOCKET, null, true))
                .isEqualTo(new LogDestination.Journal(dir.resolve("stdout")));
        // StandardError=journal: the same journal, but our own connection keeps priorities and
        // outlives the JDK's redirection of fd 2 when an inherited socket closes.
        assertThat(choose(LogOptions.AUTO, JOURNAL_STREAM, "8:777", true))
                .isEqualTo(new LogDestination.Journal(dir.resolve("stdout")));
        assertThat(choose(LogOptions.AUTO, JOURNAL_STREAM, "8:777", false)).isEqualTo(new LogDestination.Stderr());
    }

    @Test
    void journalSocketFollowsTheLogNamespace() {
        assertThat(Destinations.journalSocket(Map.of())).isEqualTo(Path.of("/run/systemd/journal/stdout"));
        assertThat(Destinations.journalSocket(Map.of("LOG_NAMESPACE", "ns")))
                .isEqualTo(Path.of("/run/systemd/journal.ns/stdout"));
    }

    @Test
    void recognisesTheJournalStreamByDeviceAndInode() {
        assertThat(JOURNAL_STREAM.isJournalStream("8:777")).isTrue();
        assertThat(JOURNAL_STREAM.isJournalStream("9:777")).as("another device").isFalse();
        assertThat(INETD_SOCKET.isJournalStream("8:777")).isFalse();
        assertThat(PIPE.isJournalStream("8:777")).isFalse();
        assertThat(JOURNAL_STREAM.isJournalStream("garbage")).isFalse();
        assertThat(new StandardError(true, -1, 777).isJournalStream("8:777")).as("device unknown").isTrue();
    }

    @Test
    void explicitChoicesWinAndImpossibleOnesAreRefused() throws Exception {
        assertThat(choose(new LogOptions(LogMode.AUTO, Path.of("x.log")), INETD_SOCKET, null, false))
                .isEqualTo(new LogDestination.LogFile(Path.of("x.log")));
        assertThat(choose(new LogOptions(LogMode.NONE, null), PIPE, null, false)).isEqualTo(new LogDestination.None());
        assertThat(choose(new LogOptions(LogMode.STDERR, null), JOURNAL_STREAM, "8:777", false))
                .isEqualTo(new LogDestination.Stderr());
        assertThatThrownBy(() -> choose(new LogOptions(LogMode.STDERR, null), INETD_SOCKET, null, false))
                .hasMessageStartingWith("--log stderr: standard error is a socket");
        assertThatThrownBy(() -> choose(new LogOptions(LogMode.JOURNAL, null), PIPE, null, false))
                .hasMessage("--log journal: " + dir.resolve("stdout") + ": No such file or directory"
                        + " (is systemd-journald running?)");
    }

    @Test
    void scanReadsTheLogOptionsBeforeAnyParser() {
        assertThat(LogOptions.scan("--inetd", "--log-file", "/var/log/r.log"))
                .isEqualTo(new LogOptions(LogMode.AUTO, Path.of("/var/log/r.log")));
        assertThat(LogOptions.scan("--log=none", "--stdio")).isEqualTo(new LogOptions(LogMode.NONE, null));
        assertThat(LogOptions.scan("--log", "sideways")).as("the parser reports it").isEqualTo(LogOptions.AUTO);
        assertThat(LogOptions.scan("--log", "none", "--log-file", "x")).isEqualTo(LogOptions.AUTO);
        assertThat(LogOptions.scan("cartridge", "list", "--log-file", "x")).isEqualTo(LogOptions.AUTO);
    }

    @Test
    void probesARealDescriptor() {
        // The test JVM's fd 0 is no socket under surefire; /proc tells.
        assertThat(StandardError.probe(0).socket()).isFalse();
    }
}
