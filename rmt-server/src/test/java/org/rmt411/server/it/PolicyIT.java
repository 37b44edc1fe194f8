package org.rmt411.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --policy} on a real TCP server, driven by GNU tar and GNU mt through socat: loopback
 * may write drive 0 and only read drive 1, and a rule for 10.0.0.0/8 does not let loopback open
 * plain files. A malformed policy keeps the server from starting.
 */
class PolicyIT {
    @TempDir
    static Path work;
    static Path root;
    static Path src;
    static Path rsh;
    static Path policy;
    static ServerProcess tcp;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createDirectories(work.resolve("root"));
        src = Trees.sample(work);
        rsh = Cmd.fakeRsh(work);
        policy = Files.writeString(work.resolve("policy"), String.join("\n",
                "# loopback: drive 0 for backups, drive 1 for restores only",
                "allow addr:127.0.0.0/8,::1 rw /dev/nst0",
                "allow addr:127.0.0.0/8,::1 read /dev/nst1",
                "allow addr:10.0.0.0/8 rw /**", ""));
        tcp = ServerProcess.tcp(root, "--drives", "2", "--policy", policy.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (tcp != null) {
            tcp.close();
        }
    }

    private static Cmd.Result run(String... command) throws IOException, InterruptedException {
        return Cmd.run(work, Map.of("RMT411_BRIDGE_PORT", String.valueOf(tcp.port())), command);
    }

    private static Cmd.Result tar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar", "--rsh-command=" + rsh));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    @Test
    void gnuTarWritesTheAllowedDriveOnly() throws Exception {
        assertThat(tar("-cf", "localhost:/dev/nst0", "-C", src.toString(), ".").exit()).isZero();
        run("mt-gnu", "--rsh-command=" + rsh, "-f", "localhost:/dev/nst0", "rewind").ok();
        assertThat(tar("-tf", "localhost:/dev/nst0").ok().stdout()).contains("./");

        Cmd.Result drive1 = tar("-cf", "localhost:/dev/nst1", "-C", src.toString(), ".");
        assertThat(drive1.exit()).isNotZero();
        // GNU tar quotes the ':' of a remote archive name in its messages.
        assertThat(drive1.stderr()).contains("tar: localhost\\:/dev/nst1: Cannot open: Permission denied");

        Cmd.Result file = tar("-cf", "localhost:/x.tar", "-C", src.toString(), ".");
        assertThat(file.stderr()).contains("tar: localhost\\:/x.tar: Cannot open: Permission denied");
        assertThat(root.resolve("x.tar")).doesNotExist();

        String me = System.getProperty("user.name");
        assertThat(tcp.stderr()).containsPattern("refused write open of /dev/nst1 for login " + me
                + " from 127\\.0\\.0\\.1:\\d+: " + policy + ":3 \\(allow addr:127\\.0\\.0\\.0/8,::1 read /dev/nst1\\)");
        assertThat(tcp.stderr()).contains("no rule in " + policy + " allows it");
    }

    @Test
    void gnuMtMayReadButNotMarkOrEraseTheReadOnlyDrive() throws Exception {
        // GNU mt opens O_RDONLY to position and O_WRONLY to mark or erase: the grant refuses the latter at open.
        assertThat(run("mt-gnu", "--rsh-command=" + rsh, "-f", "localhost:/dev/nst1", "rewind").exit()).isZero();
        for (String op : List.of("weof", "erase")) {
            Cmd.Result refused = run("mt-gnu", "--rsh-command=" + rsh, "-f", "localhost:/dev/nst1", op);
            assertThat(refused.exit()).as(op).isNotZero();
            assertThat(refused.stderr()).as(op).contains("localhost:/dev/nst1: rmtopen failed: Permission denied");
        }
    }

    @Test
    void aMalformedPolicyStopsTheServerNamingTheLine() throws Exception {
        Path bad = Files.writeString(work.resolve("bad-policy"), "allow * read /dev/nst*\nallow cn: rw /**\n");
        List<String> command = new ArrayList<>(ServerProcess.javaCommand());
        command.addAll(List.of("--port", "0", "--root", root.toString(), "--policy", bad.toString()));
        Cmd.Result result = Cmd.run(work, Map.of(), command.toArray(String[]::new));
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("rmt-server: " + bad + ":2: 'cn:': nothing after 'cn:'\n");
    }
}
