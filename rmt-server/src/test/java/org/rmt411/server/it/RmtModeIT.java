package org.rmt411.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rmt-server --rmt}, the system rmt as {@code /usr/sbin/rmt-rmt411} starts it, driven by
 * GNU tar and GNU mt over a fake remote shell that does what sshd does (start in the login's
 * home, run as the login). Without a configuration it is GNU rmt: host paths with the login's
 * own permissions, relative names in the home, {@code /dev/nst0} the host's device; the file
 * turns virtual tapes and access rules on; a broken file reaches the client. As root the server
 * runs as {@code nobody}, so the operating system's permissions really apply.
 */
@Timeout(300)
class RmtModeIT {
    private static final boolean ROOT = ProcessHandle.current().info().user().orElse("").equals("root");
    private static final String AS_LOGIN = ROOT ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    private static final String LOGIN = ROOT ? "nobody" : System.getProperty("user.name");

    @TempDir
    Path work;
    Path home;
    Path backups;
    Path data;
    Path rsh;

    @BeforeEach
    void setUp() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        home = loginsOwn("home");
        backups = loginsOwn("backups");
        rsh = Cmd.fakeRsh(work);
        data = Files.createDirectories(work.resolve("data"));
        Files.writeString(data.resolve("a"), "first archive\n");
        Files.writeString(data.resolve("b"), "second archive\n");
    }

    /** A folder the login may write to, as its home and its backup folder are. */
    private Path loginsOwn(String name) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        if (ROOT) {
            Cmd.run(work, Map.of(), "chown", "65534:65534", dir.toString()).ok();
        }
        return dir;
    }

    private Path conf(String... lines) throws IOException {
        Path file = work.resolve("rmt411-" + lines.length + "-" + Math.abs(String.join("", lines).hashCode()) + ".conf");
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }

    /** What the fake remote shell runs: sshd's cd to the home, the login's uid, the server. */
    private Map<String, String> rmt(String... serverArgs) {
        List<String> args = new ArrayList<>(List.of("--rmt"));
        args.addAll(List.of(serverArgs));
        return Map.of("RMT411_SERVER_CMD", "cd '" + home + "' && HOME='" + home + "' exec " + AS_LOGIN
                + ServerProcess.shellCommand(args.toArray(String[]::new)));
    }

    private Cmd.Result tar(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar", "--rsh-command=" + rsh, "-C", data.toString()));
        command.addAll(List.of(args));
        return Cmd.run(work, env, command.toArray(String[]::new));
    }

    private Cmd.Result mt(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mt-gnu", "--rsh-command=" + rsh, "-f", "localhost:/dev/nst0"));
        command.addAll(List.of(args));
        return Cmd.run(work, env, command.toArray(String[]::new));
    }

    @Test
    void withoutAConfigurationPathsAreTheHostsAsGnuRmtOpensThem() throws Exception {
        Map<String, String> env = rmt("--config", conf("# everything at its default").toString());
        Path archive = backups.resolve("x.tar");
        Cmd.Result created = tar(env, "-cf", "localhost:" + archive, "a").ok();
        assertThat(created.stderr()).as("GNU rmt prints nothing on the user's terminal; nor does --rmt").isEmpty();
        assertThat(tar(env, "-tf", "localhost:" + archive).ok().stdout()).isEqualTo("a\n");
        if (ROOT) {
            assertThat(Files.getAttribute(archive, "unix:uid")).as("written as the login").isEqualTo(65534);
        }
        tar(env, "-cf", "localhost:relative.tar", "b").ok();
        assertThat(home.resolve("relative.tar")).as("relative to the login's home").exists();
        assertThat(tar(env, "-tf", "localhost:relative.tar").ok().stdout()).isEqualTo("b\n");

        Path locked = Files.createDirectories(work.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Cmd.Result refused = tar(env, "-cf", "localhost:" + locked.resolve("x.tar"), "a");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.stderr()).contains("Cannot open: Permission denied");

        assumeFalse(Files.exists(Path.of("/dev/nst0"), LinkOption.NOFOLLOW_LINKS), "this host has a real /dev/nst0");
        Cmd.Result device = tar(env, "-tf", "localhost:/dev/nst0");
        assertThat(device.stderr()).as("the host's /dev/nst0, not a virtual drive")
                .contains("Cannot open: No such file or directory");
    }

    @Test
    void theSystemRmtWithNoFileAtAllIsGnuRmtToo() throws Exception {
        assumeFalse(Files.exists(Path.of("/etc/rmt411/rmt411.conf")), "this host has a system configuration");
        Path archive = backups.resolve("plain.tar");
        tar(rmt(), "-cf", "localhost:" + archive, "a").ok();
        assertThat(tar(rmt(), "-tf", "localhost:" + archive).ok().stdout()).isEqualTo("a\n");
    }

    @Test
    void virtualTapesWhenTheConfigurationEnablesThem() throws Exception {
        Path library = loginsOwn("vtl");
        Map<String, String> env = rmt("--config", conf("tapes = on", "library = " + library, "drives = 2").toString());
        tar(env, "-cf", "localhost:/dev/nst0", "a").ok();
        tar(env, "-cf", "localhost:/dev/nst0", "b").ok();
        mt(env, "rewind").ok();
        assertThat(tar(env, "-tf", "localhost:/dev/nst0").ok().stdout()).isEqualTo("a\n");
        mt(env, "fsf", "1").ok();
        assertThat(tar(env, "-tf", "localhost:/dev/nst0").ok().stdout()).isEqualTo("b\n");
        assertThat(library.resolve("VT0001.tap")).exists();
        // Plain names stay host paths alongside the drives.
        tar(env, "-cf", "localhost:" + backups.resolve("y.tar"), "a").ok();
        assertThat(backups.resolve("y.tar")).exists();
    }

    @Test
    void accessRulesRefuseWithPermissionDeniedAndTheLogNamesTheRule() throws Exception {
        Path library = loginsOwn("vtl");
        Path logs = loginsOwn("logs");
        Path other = loginsOwn("other");
        Map<String, String> open = rmt("--config", conf("tapes = on", "library = " + library).toString());
        tar(open, "-cf", "localhost:/dev/nst0", "a").ok();
        mt(open, "rewind").ok();

        Path ruled = conf("tapes = on", "library = " + library, "allow " + LOGIN + " read /dev/nst*",
                "allow " + LOGIN + " rw " + backups + "/**", "log-file = " + logs.resolve("rmt411.log"));
        Map<String, String> env = rmt("--config", ruled.toString());
        assertThat(tar(env, "-tf", "localhost:/dev/nst0").ok().stdout()).isEqualTo("a\n");
        Cmd.Result write = tar(env, "-cf", "localhost:/dev/nst0", "b");
        assertThat(write.exit()).isNotZero();
        assertThat(write.stderr()).contains("Cannot open: Permission denied");
        Cmd.Result weof = mt(env, "weof");
        assertThat(weof.exit()).isNotZero();
        assertThat(weof.stderr()).contains("Permission denied");
        Cmd.Result elsewhere = tar(env, "-cf", "localhost:" + other.resolve("x.tar"), "a");
        assertThat(elsewhere.stderr()).as("the system would allow it, the rules do not").contains("Permission denied");
        assertThat(other.resolve("x.tar")).doesNotExist();
        tar(env, "-cf", "localhost:" + backups.resolve("ok.tar"), "a").ok();

        String log = Files.readString(logs.resolve("rmt411.log"));
        assertThat(log).contains("refused write open of /dev/nst0 for login " + LOGIN + " from stdin: " + ruled
                + ":3 (allow " + LOGIN + " read /dev/nst*)");
        assertThat(log).contains("refused write open of " + other.resolve("x.tar") + " for login " + LOGIN
                + " from stdin: no rule in " + ruled + " allows it");
        assertThat(log).contains(" refused=/dev/nst0:E13 ");
        mt(open, "rewind").ok();
        assertThat(tar(open, "-tf", "localhost:/dev/nst0").ok().stdout()).as("the tape is unchanged").isEqualTo("a\n");
        mt(open, "fsf", "1").ok();
        assertThat(tar(open, "-tf", "localhost:/dev/nst0").exit()).as("and holds nothing after it").isNotZero();
    }

    @Test
    void aBrokenConfigurationReachesTheClientAsGnuRmtErrorsDo() throws Exception {
        Path broken = conf("# rmt411", "rooot = /srv/tapes");
        Cmd.Result r = tar(rmt("--config", broken.toString()), "-cf", "localhost:" + backups.resolve("z.tar"), "a");
        assertThat(r.exit()).isNotZero();
        assertThat(r.stderr()).startsWith("rmt-server: " + broken + ":2: unknown key 'rooot'\n")
                .contains("Cannot open: Input/output error");
        assertThat(backups.resolve("z.tar")).doesNotExist();

        Path unusableLog = conf("log-file = " + data.resolve("a") + "/rmt411.log");
        Cmd.Result log = tar(rmt("--config", unusableLog.toString()), "-cf", "localhost:" + backups.resolve("z.tar"), "a");
        assertThat(log.exit()).isNotZero();
        assertThat(log.stderr()).startsWith("rmt-server: " + unusableLog + ":1: log-file = " + data.resolve("a")
                + "/rmt411.log: Not a directory\n").contains("Cannot open: Input/output error");
        assertThat(backups.resolve("z.tar")).doesNotExist();
    }
}
