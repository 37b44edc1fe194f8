package org.rmt411.server.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.server.access.AccessPolicy;
import org.rmt411.server.access.Identity;
import org.rmt411.server.config.PolicyFile;
import org.rmt411.server.session.Peer;
import org.rmt411.server.session.SessionOptions;
import org.rmt411.server.tape.TapeLibrary;

/**
 * The {@code --policy} file in whole sessions: identities by TLS certificate, address and
 * login, read-only grants that leave no way to write, a drive of one's own, and the order of
 * the policy's rules before the configuration file's.
 */
class PolicySessionTest {
    private static final String ME = System.getProperty("user.name");
    private static final String DENIED = "E13\nPermission denied\n";

    @TempDir
    Path dir;
    private Path root;
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLoggerName() + ": " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        Logger.getLogger("").addHandler(capture);
        root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("files"));
        Files.writeString(root.resolve("files/a.tar"), "hello");
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    private Path policy(String... lines) throws Exception {
        return Files.writeString(dir.resolve("policy"), String.join("\n", lines) + "\n");
    }

    private String run(Path policy, Peer peer, String... requests) throws Exception {
        ServerRuntime.Devices devices = new ServerRuntime.Devices(root, root.resolve("library"),
                new TapeLibrary.Settings(2, 8L << 30, 2L << 20, true), false, PolicyFile.read(policy));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServerRuntime.sessions(devices, SessionOptions.defaults()).newSession(
                Channels.newChannel(new ByteArrayInputStream(String.join("", requests).getBytes(ISO_8859_1))),
                Channels.newChannel(out), peer).run();
        return out.toString(ISO_8859_1);
    }

    private static Peer tls(String subject) {
        return new Peer("tls", "127.0.0.1:40112", subject);
    }

    private String audit() {
        return logged.stream().filter(l -> l.startsWith("rmt411.audit")).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aReadOnlyIdentityCannotWriteWeofOrEraseEvenOnAReadWriteOpen() throws Exception {
        Path policy = policy("allow cn:restore read /dev/nst*", "allow cn:restore read /files/**");
        String replies = run(policy, tls("CN=restore,O=Example"),
                "O/dev/nst0\n2 O_RDWR\n", "W3\nabc", "I5\n1\n", "I35\n1\n", "I13\n1\n", "I6\n1\n", "C\n",
                "O/dev/nst0\n1 O_WRONLY\n", "O/dev/nst0\n66 O_RDWR|O_CREAT\n",
                "O/files/a.tar\n2 O_RDWR\n", "W3\nabc", "I5\n1\n", "I6\n1\n", "R5\n", "C\n");
        assertThat(replies).isEqualTo(String.join("",
                "A0\n", DENIED, // W: the drive was opened O_RDONLY, st answers EACCES
                DENIED, DENIED, DENIED, // MTWEOF, MTWEOFI, MTERASE: refused by the grant
                "A1\n", "A0\n", // rewinding writes nothing
                DENIED, DENIED, // opens that write before any W are refused outright
                "A0\n", "E9\nBad file descriptor\n", // W on a file opened O_RDONLY, as Linux answers
                DENIED, "E25\nInappropriate ioctl for device\n", // the grant refuses before the file would
                "A5\nhello", "A0\n"));
        assertThat(Files.readString(root.resolve("files/a.tar"))).isEqualTo("hello");
        assertThat(audit()).contains(" opened=/dev/nst0:r,/files/a.tar:r ", " written=0B/0rec filemarks=0 ",
                " refused=/dev/nst0:E13,/dev/nst0:E13 ");
        assertThat(logged).contains(
                "rmt411.access: rw open of /dev/nst0 for login " + ME + " from 127.0.0.1:40112 (TLS CN=restore,O=Example)"
                        + " made read-only: " + policy + ":1 (allow cn:restore read /dev/nst*)",
                "rmt411.access: refused write open of /dev/nst0 for login " + ME
                        + " from 127.0.0.1:40112 (TLS CN=restore,O=Example): " + policy + ":1 (allow cn:restore read /dev/nst*)");
    }

    @Test
    void anIdentityLimitedToOneDriveOpensNothingElse() throws Exception {
        Path policy = policy("allow cn:drive1 rw /dev/nst1", "allow cn:drive0 rw /dev/*st0");
        String replies = run(policy, tls("CN=drive1,O=Example"),
                "O/dev/nst0\n0 O_RDONLY\n", "O/dev/st1\n0 O_RDONLY\n", "O/files/a.tar\n0 O_RDONLY\n",
                "O/x.tar\n577 O_WRONLY|O_CREAT|O_TRUNC\n", "O/library/VT0001.tap\n0 O_RDONLY\n",
                "O/dev/nst1\n2 O_RDWR\n", "W3\nabc", "I5\n1\n", "C\n");
        assertThat(replies).isEqualTo(DENIED.repeat(5) + "A0\nA3\nA1\nA0\n");
        assertThat(logged).contains("rmt411.access: refused read open of /files/a.tar for login " + ME
                + " from 127.0.0.1:40112 (TLS CN=drive1,O=Example): no rule in " + policy + " allows it");
        assertThat(run(policy, tls("CN=drive0,O=Example"), "O/dev/nst1\n0 O_RDONLY\n", "O/dev/st0\n0 O_RDONLY\n"))
                .isEqualTo(DENIED + "A0\n");
        assertThat(run(policy, new Peer("tcp", "127.0.0.1:40112"), "O/dev/nst1\n0 O_RDONLY\n"))
                .as("no certificate").isEqualTo(DENIED);
    }

    @Test
    void addressRulesMatchSocketPeersNotARemoteShellsClaim() throws Exception {
        String read = "O/files/a.tar\n0 O_RDONLY\n";
        Path lan = policy("allow addr:10.0.0.0/8 rw /**");
        assertThat(run(lan, new Peer("tcp", "127.0.0.1:40112"), read)).isEqualTo(DENIED);
        assertThat(run(lan, new Peer("tcp", "10.1.2.3:40112"), read)).isEqualTo("A0\n");
        assertThat(run(lan, new Peer("inetd", "/127.0.0.1:40112"), read)).isEqualTo(DENIED);
        assertThat(run(lan, new Peer("inetd", "/10.1.2.3:40112"), read)).isEqualTo("A0\n");
        Path loopback = policy("allow addr:127.0.0.0/8,::1 rw /**");
        assertThat(run(loopback, new Peer("tcp", "127.0.0.1:40112"), read)).isEqualTo("A0\n");
        assertThat(run(loopback, new Peer("tcp", "0:0:0:0:0:0:0:1:40112"), read)).isEqualTo("A0\n");
        // Inherited sockets name their peer as InetSocketAddress prints it.
        assertThat(run(loopback, new Peer("systemd", "/[0:0:0:0:0:0:0:1]:40112"), read)).isEqualTo("A0\n");
        assertThat(run(loopback, new Peer("inetd", "localhost/127.0.0.1:40112"), read)).isEqualTo("A0\n");
        assertThat(run(loopback, new Peer("stdio", "127.0.0.1:40112"), read)).as("SSH_CLIENT").isEqualTo(DENIED);
    }

    @Test
    void loginRulesMatchTheLoginTheServerRunsAs() throws Exception {
        Path policy = policy("allow someone-else rw /**", "allow login:" + ME + " read /files/**");
        assertThat(run(policy, new Peer("stdio", "stdin"),
                "O/files/a.tar\n0 O_RDONLY\n", "O/files/b.tar\n577 O_WRONLY|O_CREAT|O_TRUNC\n"))
                .isEqualTo("A0\n" + DENIED);
        assertThat(root.resolve("files/b.tar")).doesNotExist();
    }

    @Test
    void thePolicysRulesGoBeforeTheConfigurationFilesAndEitherMayDecide() throws Exception {
        Path conf = Files.writeString(dir.resolve("rmt411.conf"), "drives = 2\nallow * rw /**\n");
        Path policy = policy("allow * read /dev/nst*", "deny * write /files/keep/**");
        ConfigLoad loaded = ConfigLoad.of("--config", conf.toString(), "--policy", policy.toString(), "--stdio");
        assertThat(loaded.problem()).isNull();
        assertThat(loaded.file().value("drives")).contains("2");
        AccessPolicy rules = loaded.file().access();
        Identity who = new Identity(ME, "stdin");
        int write = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC;
        assertThat(rules.decide(who, List.of("/dev/nst0"), write))
                .isEqualTo(new AccessPolicy.Decision.Refused("/dev/nst0", policy + ":1 (allow * read /dev/nst*)"));
        assertThat(rules.decide(who, List.of("/files/keep/a"), write))
                .isEqualTo(new AccessPolicy.Decision.Refused("/files/keep/a", policy + ":2 (deny * write /files/keep/**)"));
        assertThat(rules.decide(who, List.of("/files/x.tar"), write)).isEqualTo(new AccessPolicy.Decision.Allowed());

        Files.writeString(conf, "allow cn:y rw /b\n");
        Files.writeString(policy, "allow cn:x rw /a\n");
        AccessPolicy.Decision none = ConfigLoad.of("--policy", policy.toString(), "--config", conf.toString())
                .file().access().decide(who, List.of("/a"), OpenFlags.O_RDONLY);
        assertThat(none).isEqualTo(new AccessPolicy.Decision.Refused("/a", "no rule in " + policy + " or " + conf
                + " allows it"));
    }

    @Test
    void aMalformedPolicyStopsTheServerNamingTheLine() throws Exception {
        Path policy = policy("allow * read /dev/nst*", "allow addr:10.0.0.0/33 rw /**");
        StringWriter err = new StringWriter();
        int code = ServerMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "--stdio", "--root", root.toString(), "--policy", policy.toString());
        assertThat(code).isEqualTo(ServerLauncher.EXIT_RUNTIME);
        assertThat(err.toString()).isEqualTo("rmt-server: " + policy + ":2: 'addr:10.0.0.0/33': prefix length out of range: /33"
                + System.lineSeparator());
        assertThat(ConfigLoad.of("--policy=").problem()).isEqualTo("--policy: the file name is empty");
    }
}
