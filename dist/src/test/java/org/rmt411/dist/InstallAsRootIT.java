package org.rmt411.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the .deb on this machine, drives it with stock tools and purges it. Runs only as root
 * with dpkg (CI's throwaway machine), and never over an rmt411 already installed or its data.
 * Everything is put back: the package purged, the rmt alternative as it was, test data removed.
 */
@EnabledIf("rootWithDpkg")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallAsRootIT {
    private static final Path STATE = Path.of("/var/lib/rmt411");
    private static final Path SERVICE = Path.of("/lib/systemd/system/rmt411.service");
    private static final Path RMT = Path.of("/usr/sbin/rmt-rmt411");

    @TempDir
    static Path work;
    private static Optional<RmtAlternative> before;
    private static Path remoteLibrary;
    private static boolean remoteLibraryExisted;
    private static List<String> installedFiles;

    static boolean rootWithDpkg() {
        return "root".equals(System.getProperty("user.name")) && Run.onPath("dpkg");
    }

    @BeforeAll
    static void install() throws Exception {
        assumeFalse(Run.run("dpkg-query", "-W", "-f", "${Status}", "rmt411").stdout().contains("installed"),
                "rmt411 is installed on this machine; this test would purge it");
        assumeFalse(Files.exists(STATE), STATE + " exists (data of an earlier rmt411); this test would remove it");
        before = RmtAlternative.query();
        Run.run("dpkg", "-i", Dist.deb().toString()).ok();
        installedFiles = Run.run("dpkg", "-L", "rmt411").ok().stdout().lines().toList();
        remoteLibrary = remoteLibrary();
        remoteLibraryExisted = Files.exists(remoteLibrary);
    }

    @AfterAll
    static void putBack() throws Exception {
        if (installedFiles == null) {
            return;
        }
        Run.run("dpkg", "--purge", "rmt411");
        if (before.isPresent()) {
            before.get().restore();
        }
        Run.run("rm", "-rf", STATE.toString());
        if (!remoteLibraryExisted) {
            Run.run("rm", "-rf", remoteLibrary.toString());
        }
    }

    @Test
    @Order(1)
    void installsCommandsUserAndAnAlternativeThatDoesNotTakeOver() throws Exception {
        assertThat(Run.run("rmt411", "--version").ok().stdout()).contains(Dist.version());
        assertThat(Run.run("rmt411d", "--version").ok().stdout()).contains(Dist.version());
        assertThat(Run.run("getent", "passwd", "rmt411").ok().stdout()).contains(":/var/lib/rmt411:");
        assertThat(RmtAlternative.choices()).contains("Alternative: " + RMT + "\nPriority: 10\n");
        assertThat(RmtAlternative.query()).isEqualTo(before);
        assertThat(Run.run("man", "-w", "rmt411d-cartridge-create").ok().stdout()).contains("man8");
        assertThat(Path.of("/etc/systemd/system/sockets.target.wants/rmt411.socket")).as("not enabled").doesNotExist();
        Run.run("systemd-analyze", "verify", "/lib/systemd/system/rmt411.socket", SERVICE.toString()).ok();
        // postinst made the class-data archive for this jar and JVM; the launcher's options map it.
        assertThat(Path.of("/var/cache/rmt411/rmt411.jsa")).isNotEmptyFile();
        Run.Result mapped = Run.run("sh", "-c", "RMT411_JAVA_OPTS='-Xshare:on' rmt411d --version");
        assertThat(mapped.exit()).as(mapped.stderr()).isZero();
    }

    @Test
    @Order(2)
    void installingTheSamePackageAgainIsAQuietUpgrade() throws Exception {
        Run.run("dpkg", "-i", Dist.deb().toString()).ok();

        assertThat(Run.run("dpkg", "-L", "rmt411").ok().stdout().lines().toList()).isEqualTo(installedFiles);
        assertThat(RmtAlternative.choices().split("Alternative: " + RMT, -1)).hasSize(2);
        assertThat(Run.run("getent", "passwd", "rmt411").ok().stdout().lines()).hasSize(1);
    }

    @Test
    @Order(3)
    void stockTarCpioAndMtReachItAsTheSystemsRmt() throws Exception {
        Path rsh = FakeRsh.write(work);
        Files.createDirectories(work.resolve("src"));
        Files.writeString(work.resolve("src/a.txt"), "through /usr/sbin/rmt\n");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        String remote = "--rsh-command=" + rsh;
        RmtAlternative.set(RMT.toString());
        try {
            assertThat(Path.of("/usr/sbin/rmt").toRealPath()).isEqualTo(RMT);
            assertThat(Path.of("/usr/share/man/man8/rmt.8.gz").toRealPath().getFileName()).hasToString("rmt-rmt411.8.gz");
            Run.in(work, "tar", remote, "-cf", "localhost:" + work.resolve("a.tar"), "src").ok();
            assertThat(Run.in(work, "tar", "-tf", "a.tar").ok().stdout()).isEqualTo("src/\nsrc/a.txt\n");
            Run.sh(work, "find src | cpio -o -H newc " + remote + " -F localhost:" + work.resolve("a.cpio")).ok();
            assertThat(Run.sh(work, "cpio -it < a.cpio").ok().stdout()).isEqualTo("src\nsrc/a.txt\n");
            Run.in(work, "tar", remote, "-cf", "localhost:/dev/nst0", "src").ok();
            Run.in(work, "mt-gnu", remote, "-f", "localhost:/dev/nst0", "rewind").ok();
            assertThat(Run.in(work, "tar", remote, "-tf", "localhost:/dev/nst0").ok().stdout())
                    .isEqualTo("src/\nsrc/a.txt\n");
            assertThat(remoteLibrary).as("where the cartridges are, so the test can remove them").isDirectory();
        } finally {
            before.orElseThrow(() -> new AssertionError("no rmt alternative before the test")).restore();
        }
        assertThat(RmtAlternative.query()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void theServicesCommandLineServesItsSocketAsTheRmt411User() throws Exception {
        Files.createDirectories(work.resolve("src"));
        Files.writeString(work.resolve("src/b.txt"), "over port 411's unit\n");
        try (UnitCommand unit = UnitCommand.start(work, "rmt411", UnitCommand.execStart(SERVICE))) {
            Path bridge = work.resolve("bridge");
            Files.writeString(bridge, "#!/bin/sh\nexec socat - TCP:127.0.0.1:" + unit.port() + ",nodelay\n");
            Files.setPosixFilePermissions(bridge, PosixFilePermissions.fromString("rwxr-xr-x"));
            Run.in(work, "tar", "--rsh-command=" + bridge, "-cf", "localhost:/b.tar", "src").ok();
            Run.in(work, "tar", "--rsh-command=" + bridge, "-cf", "localhost:/dev/nst0", "src").ok();

            assertThat(unit.stderr()).contains(UnitCommand.SERVING);
            assertThat(unit.stop()).as(unit.stderr()).isZero();
        }
        assertThat(Files.getOwner(STATE.resolve("b.tar")).getName()).isEqualTo("rmt411");
        assertThat(STATE.resolve("library/VT0001.tap")).isRegularFile();
    }

    @Test
    @Order(5)
    void purgeLeavesOnlyTheTapeLibrary() throws Exception {
        Run.Result purge = Run.run("dpkg", "--purge", "rmt411").ok();

        assertThat(purge.stdout() + purge.stderr()).contains("rmt411: kept /var/lib/rmt411: its tape library holds "
                + "cartridges (library/*.tap)");
        assertThat(STATE.resolve("library/VT0001.tap")).isRegularFile();
        assertThat(Run.run("getent", "passwd", "rmt411").exit()).as("user removed").isEqualTo(2);
        assertThat(Run.run("getent", "group", "rmt411").exit()).as("group removed").isEqualTo(2);
        assertThat(RmtAlternative.choices()).doesNotContain(RMT.toString());
        assertThat(RmtAlternative.query()).isEqualTo(before);
        assertThat(Path.of("/etc/rmt411")).doesNotExist();
        assertThat(Path.of("/var/cache/rmt411")).as("the class-data archive").doesNotExist();
        assertThat(Run.sh(work, "ls /var/lib/systemd/deb-systemd-helper-enabled 2>/dev/null | grep rmt411").stdout())
                .isEmpty();
        for (String file : installedFiles) {
            if (file.contains("rmt411") || file.contains("rmt-")) {
                assertThat(Path.of(file)).as("left by purge").doesNotExist();
            }
        }
    }

    /**
     * Where the remote-shell server keeps its virtual tapes, from its one line of server options:
     * {@code --rmt} reads /etc/rmt411/rmt411.conf, which gets a library in this test's folder
     * (purge removes the file); {@code --root DIR} keeps them in DIR/library.
     */
    private static Path remoteLibrary() throws IOException {
        String args = Files.readAllLines(RMT).stream().filter(l -> l.startsWith("RMT_ARGS=")).findFirst()
                .orElseThrow(() -> new AssertionError(RMT + " has no RMT_ARGS= line"));
        if (args.matches("RMT_ARGS=\"(.* )?--rmt( .*)?\"")) {
            Path library = work.resolve("library");
            Files.writeString(Path.of("/etc/rmt411/rmt411.conf"), "library = " + library + "\n",
                    StandardOpenOption.APPEND);
            return library;
        }
        Matcher root = Pattern.compile("--root ([^\\s\"]+)").matcher(args);
        if (!root.find()) {
            throw new AssertionError(RMT + " names neither --rmt nor --root: tell this test where its tapes are");
        }
        return Path.of(root.group(1)).resolve("library");
    }
}
