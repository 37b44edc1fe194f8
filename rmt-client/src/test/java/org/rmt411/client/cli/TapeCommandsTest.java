package org.rmt411.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.FakeTapeServer;

/** backup, verify, list and mt against a scripted tape drive: records, filemarks, status words. */
class TapeCommandsTest {
    @TempDir
    Path work;
    private FakeTapeServer tape;

    @BeforeEach
    void start() throws Exception {
        tape = new FakeTapeServer();
    }

    @AfterEach
    void stop() throws Exception {
        tape.close();
    }

    private Cli run(String command, String... rest) {
        String[] args = new String[rest.length + 7];
        args[0] = command;
        args[1] = "-f";
        args[2] = "localhost:/dev/nst0";
        args[3] = "--port";
        args[4] = String.valueOf(tape.port());
        args[5] = "--timeout";
        args[6] = "20";
        System.arraycopy(rest, 0, args, 7, rest.length);
        return Cli.run(args);
    }

    @Test
    void twoArchivesOnOneTapeVerifiedListedAndPositioned() throws Exception {
        Path one = Files.createDirectories(work.resolve("one"));
        Files.write(one.resolve("first.bin"), new byte[50_000]);
        Path two = Files.createDirectories(work.resolve("two"));
        Files.writeString(two.resolve("second.txt"), "second");

        Cli first = run("backup", "-q", "--verify", one.toString());
        assertThat(first.code()).as(first.err()).isZero();
        Cli second = run("backup", "-q", "--verify", two.toString());
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(tape.writeSizes()).allMatch(n -> n == 10240);

        Cli status = run("mt", "status");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("file number: 2", "block number: 0", "block size: 0 (variable)")
                .contains("status: EOF EOD ONLINE");

        assertThat(run("mt", "rewind").code()).isZero();
        assertThat(run("mt", "status").out()).contains("file number: 0", "status: BOT ONLINE");
        assertThat(run("list").out()).contains("first.bin").doesNotContain("second.txt");
        // Like GNU tar on /dev/nst0, list stops at the archive's end marker, before the filemark.
        assertThat(run("mt", "status").out()).contains("file number: 0");
        assertThat(run("mt", "fsf").code()).isZero();
        assertThat(run("mt", "status").out()).contains("file number: 1", "block number: 0");
        assertThat(run("list").out()).contains("second.txt");

        assertThat(run("mt", "bsf", "1").code()).isZero();
        assertThat(run("mt", "fsf").code()).isZero();
        assertThat(run("list").out()).contains("second.txt");
    }

    @Test
    void rawStatusStructIsDecodedToo() throws Exception {
        Cli status = run("mt", "status", "--status-request", "line");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("drive type: 114 (SCSI-2 tape)", "status: BOT EOD ONLINE");
    }

    @Test
    void unknownOperationIsAUsageError() {
        assertThat(run("mt", "frob").code()).isEqualTo(ExitCode.USAGE.code());
    }
}
