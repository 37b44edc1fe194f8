package org.rmt411.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator commands, each its own process, against server processes holding a drive: refused
 * naming the holder while it holds it, never reported done and then undone; a holder killed
 * with SIGKILL blocks nothing.
 */
@Timeout(300)
class OperatorIT {
    private static final String WRITE_OPEN = "O/dev/nst0\n1 O_WRONLY\n";
    private static final String READ_OPEN = "O/dev/nst0\n0 O_RDONLY\n";

    @TempDir
    Path work;
    Path root;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(work.resolve("root"));
    }

    private Cmd.Result operator(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(ServerProcess.javaCommand());
        command.addAll(List.of(args));
        command.add("--root=" + root);
        return Cmd.run(work, Map.of(), command.toArray(String[]::new));
    }

    /** Makes VT0001, loaded in drive 0, with one record and a filemark. */
    private void oneRecord() throws Exception {
        try (RawServer s = new RawServer(root)) {
            assertThat(s.ask(WRITE_OPEN)).isEqualTo("A0");
            assertThat(s.ask("W5\nhello")).isEqualTo("A5");
            assertThat(s.finish()).isZero();
        }
    }

    @Test
    void protectDuringAWriteInAnotherProcessIsRefusedAndHoldsOnceDone() throws Exception {
        oneRecord();
        try (RawServer writer = new RawServer(root)) {
            assertThat(writer.ask(WRITE_OPEN)).isEqualTo("A0");
            assertThat(writer.ask("W3\nabc")).isEqualTo("A3");
            String holder = "(stdin since 20"; // a stdio session without SSH_CLIENT is named stdin
            for (String[] command : List.of(new String[] {"cartridge", "protect", "VT0001"},
                    new String[] {"cartridge", "unprotect", "VT0001"},
                    new String[] {"cartridge", "export", "VT0001", work.resolve("x.tap").toString()})) {
                Cmd.Result refused = operator(command);
                assertThat(refused.exit()).as(refused.stdout()).isEqualTo(1);
                assertThat(refused.stderr()).startsWith("rmt-server cartridge " + command[1]
                        + ": cartridge VT0001 is in use by drive 0 " + holder)
                        .endsWith(", pid " + writer.pid() + ")\n");
                assertThat(refused.stdout()).isEmpty();
            }
            Cmd.Result unload = operator("drives", "unload", "0");
            assertThat(unload.exit()).isEqualTo(1);
            assertThat(unload.stderr()).startsWith("rmt-server drives unload: drive 0 is in use " + holder);
            assertThat(writer.ask("W3\ndef")).as("the session goes on undisturbed").isEqualTo("A3");
            assertThat(writer.finish()).isZero();
        }
        assertThat(work.resolve("x.tap")).doesNotExist();
        assertThat(operator("cartridge", "protect", "VT0001").ok().stdout()).isEqualTo("VT0001 write-protected\n");
        try (RawServer next = new RawServer(root)) {
            assertThat(next.ask(WRITE_OPEN)).startsWith("E30");
            assertThat(next.ask(READ_OPEN)).isEqualTo("A0");
            assertThat(next.finish()).isZero();
        }
        assertThat(operator("cartridge", "list").ok().stdout()).containsPattern("VT0001 +2 +2 +3 +11 .* yes ");
    }

    @Test
    void aHolderKilledWithSigkillBlocksNothing() throws Exception {
        oneRecord();
        try (RawServer doomed = new RawServer(root)) {
            assertThat(doomed.ask(WRITE_OPEN)).isEqualTo("A0");
            assertThat(Files.readString(root.resolve("library/drive0.state"))).contains("heldByPid=" + doomed.pid());
            doomed.kill();
        }
        assertThat(operator("cartridge", "protect", "VT0001").ok().stdout()).isEqualTo("VT0001 write-protected\n");
        assertThat(operator("drives", "unload", "0").ok().stdout()).isEqualTo("/dev/nst0  (empty)\n");
        assertThat(operator("drives", "load", "0", "VT0001").ok().stdout()).isEqualTo("/dev/nst0  VT0001\n");
    }

    @Test
    void aReadOnlyServerHoldingADriveExcludesWritersAndOperatorsButNotReaders() throws Exception {
        oneRecord();
        try (RawServer reader = new RawServer(root, "--read-only")) {
            assertThat(reader.ask(READ_OPEN)).isEqualTo("A0");
            Cmd.Result refused = operator("cartridge", "protect", "VT0001");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.stderr()).contains("cartridge VT0001 is in use by drive 0 (another process that records "
                    + "no holder: a --read-only server or an operator command)");
            try (RawServer writer = new RawServer(root)) {
                assertThat(writer.ask(READ_OPEN)).startsWith("E16");
                assertThat(writer.finish()).isZero();
            }
            try (RawServer secondReader = new RawServer(root, "--read-only")) {
                assertThat(secondReader.ask(READ_OPEN)).as("shared, the documented limit").isEqualTo("A0");
                assertThat(secondReader.finish()).isZero();
            }
            assertThat(reader.finish()).isZero();
        }
        try (RawServer writer = new RawServer(root)) {
            assertThat(writer.ask(READ_OPEN)).isEqualTo("A0");
            try (RawServer reader = new RawServer(root, "--read-only")) {
                assertThat(reader.ask(READ_OPEN)).startsWith("E16");
                assertThat(reader.finish()).isZero();
            }
            assertThat(writer.finish()).isZero();
        }
    }
}
