package org.rmt411.server.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import org.rmt411.server.access.AccessPolicy;
import org.rmt411.server.config.ConfigFile;
import org.rmt411.server.session.Peer;
import org.rmt411.server.session.SessionOptions;
import org.rmt411.server.tape.TapeLibrary;

/**
 * Access rules at work in whole sessions: every open is checked, a refusal is E13 logged with
 * the rule that refused it and listed in the audit line, and a read-only grant leaves no way to
 * write (no write open, so no MTWEOF or MTERASE either). Also the host paths of {@code --rmt}:
 * files as GNU rmt opens them and character devices one read or write per request.
 */
class AccessRulesSessionTest {
    private static final String ME = System.getProperty("user.name");

    @TempDir
    Path dir;
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
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    private ConfigFile rules(String... lines) throws Exception {
        return ConfigKeys.parser().read(Files.writeString(dir.resolve("rmt411.conf"), String.join("\n", lines) + "\n"));
    }

    private String run(Path root, Path library, AccessPolicy access, String requests) throws Exception {
        ServerRuntime.Devices devices = new ServerRuntime.Devices(root, library, TapeLibrary.Settings.DEFAULT, false,
                access);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServerRuntime.sessions(devices, SessionOptions.defaults()).newSession(
                Channels.newChannel(new ByteArrayInputStream(requests.getBytes(ISO_8859_1))), Channels.newChannel(out),
                new Peer("test", "local")).run();
        return out.toString(ISO_8859_1);
    }

    @Test
    void aReadOnlyGrantRefusesWriteOpensSoTapesCannotBeWrittenOrErased() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        ConfigFile file = rules("allow " + ME + " read /dev/nst*", "allow * rw /files/**");
        String replies = run(root, root.resolve("library"), file.access(), String.join("", 
                "O/dev/nst0\n2 O_RDWR\n",
                "O/dev/nst0\n1 O_WRONLY\n",
                "O/dev/nst0\n0 O_RDONLY\n",
                "I5\n1\n",
                "I13\n1\n",
                "W3\nabc",
                "C\n",
                "O/etc/x\n0 O_RDONLY\n"));
        assertThat(replies).isEqualTo(String.join("",
                "A0\n", // read-only: see PolicySessionTest
                "E13\nPermission denied\n",
                "A0\n",
                "E13\nPermission denied\n", // MTWEOF on a read-only open, as st answers
                "E13\nPermission denied\n", // MTERASE likewise
                "E13\nPermission denied\n", // W likewise on a tape
                "A0\n",
                "E13\nPermission denied\n"));
        String conf = dir.resolve("rmt411.conf").toString();
        assertThat(logged).contains(
                "rmt411.access: refused write open of /dev/nst0 for login " + ME + " from local: " + conf
                        + ":1 (allow " + ME + " read /dev/nst*)",
                "rmt411.access: refused read open of /etc/x for login " + ME + " from local: no rule in " + conf
                        + " allows it");
        assertThat(logged.stream().filter(l -> l.startsWith("rmt411.audit")).findFirst().orElseThrow())
                .contains(" opened=/dev/nst0:r,/dev/nst0:r ", " refused=/dev/nst0:E13,/etc/x:E13 ");
    }

    @Test
    void aLinkOutOfAnAllowedFolderIsJudgedWhereItLeads() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("files"));
        Files.createDirectories(root.resolve("private"));
        Files.writeString(root.resolve("private/secret"), "secret");
        Files.createSymbolicLink(root.resolve("files/secret"), root.resolve("private/secret"));
        ConfigFile file = rules("allow * rw /files/**");
        assertThat(run(root, null, file.access(), "O/files/secret\n0 O_RDONLY\nO/files/new\n65 O_WRONLY|O_CREAT\n"))
                .isEqualTo("E13\nPermission denied\nA0\n");
        assertThat(root.resolve("files/new")).exists();
    }

    @Test
    void withoutARootNamesAreHostPathsAsGnuRmtOpensThem() throws Exception {
        Path outside = dir.resolve("backups/x.tar");
        Files.createDirectories(outside.getParent());
        String replies = run(null, null, AccessPolicy.OPEN, String.join("",
                "O" + outside + "\n577 O_WRONLY|O_CREAT|O_TRUNC\n", "W5\nhello", "C\n",
                "O" + outside + "\n0 O_RDONLY\n", "R100\n", "I6\n1\n", "C\n"));
        assertThat(replies).isEqualTo("A0\nA5\nA0\nA0\nA5\nhelloE25\nInappropriate ioctl for device\nA0\n");
        assertThat(Files.readString(outside)).isEqualTo("hello");
    }

    @Test
    void characterDevicesGetOneReadOrWritePerRequestAndNoTapeIoctls() throws Exception {
        String replies = run(null, null, AccessPolicy.OPEN, String.join("",
                "O/dev/null\n1 O_WRONLY\n", "W4\nabcd", "I5\n1\n", "S\n", "C\n",
                "O/dev/zero\n0 O_RDONLY\n", "R3\n", "W1\nx", "C\n"));
        assertThat(replies).isEqualTo("A0\nA4\nE25\nInappropriate ioctl for device\nE25\nInappropriate ioctl for device\n"
                + "A0\nA0\nA3\n\0\0\0E9\nBad file descriptor\nA0\n");
    }

    @Test
    void onHostPathsOnlyAbsoluteDeviceNamesAreVirtualDrives() throws Exception {
        Path library = Files.createDirectories(dir.resolve("vtl"));
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(run(null, library, AccessPolicy.OPEN, "O/dev/nst0\n0 O_RDONLY\nC\nOdev/nst0\n0 O_RDONLY\n"))
                .as("a blank cartridge for drive 0, then ./dev/nst0 which " + cwd + " does not have")
                .isEqualTo("A0\nA0\nE2\nNo such file or directory\n");
    }

    @Test
    void theTapeLibraryFolderIsNotAPlainFileOnTheHostEither() throws Exception {
        Path library = Files.createDirectories(dir.resolve("vtl"));
        Files.writeString(library.resolve("VT0001.tap"), "image");
        assertThat(run(null, library, AccessPolicy.OPEN, "O" + library + "/VT0001.tap\n0 O_RDONLY\n"))
                .isEqualTo("E13\nPermission denied\n");
    }
}
