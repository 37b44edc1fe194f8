package org.rmt411.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .tar.gz unpacked anywhere: its launchers find their jars and Java, and rmt-rmt411 serves tar. */
class TarballIT {
    @Test
    void layoutIsBinLibManCompletionSystemd(@TempDir Path dir) throws Exception {
        Path top = unpack(dir);

        for (String file : new String[] {"bin/rmt411", "bin/rmt411d", "bin/rmt-rmt411", "lib/rmt-server.jar",
            "lib/rmt-client.jar", "man/man1/rmt411.1.gz", "man/man8/rmt411d.8.gz", "man/man8/rmt-rmt411.8.gz",
            "completion/rmt411", "completion/rmt411d", "systemd/rmt411.socket", "systemd/rmt411.service",
            "wireshark/rmt411.lua"}) {
            assertThat(top.resolve(file)).isRegularFile();
        }
        assertThat(top.resolve("bin/rmt411d")).isExecutable();
    }

    @Test
    void launchersPrintTheBuildsVersionEvenThroughASymlink(@TempDir Path dir) throws Exception {
        Path top = unpack(dir);
        Path link = Files.createSymbolicLink(dir.resolve("rmt411d-link"), top.resolve("bin/rmt411d"));

        assertThat(launch(dir, top.resolve("bin/rmt411") + " --version")).contains("rmt-client " + Dist.version());
        assertThat(launch(dir, link + " --version")).contains("rmt-server " + Dist.version());
    }

    @Test
    void launcherWithoutJavaSaysSoInOneLine(@TempDir Path dir) throws Exception {
        Path top = unpack(dir);

        Run.Result r = Run.sh(dir, "JAVA_HOME=" + dir.resolve("nojava") + " " + top.resolve("bin/rmt411d") + " --version");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("rmt411d: no Java runtime at " + dir.resolve("nojava/bin/java")
                + ": install Java 17 or later, or set JAVA_HOME\n");
    }

    @Test
    void rmtRmt411ServesGnuTarAsItsRmtCommand(@TempDir Path dir) throws Exception {
        Path top = unpack(dir);
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.txt"), "hello rmt\n");
        Path rsh = FakeRsh.write(dir);
        String rmt = "--rmt-command=" + top.resolve("bin/rmt-rmt411");

        Run.Result write = Run.in(dir, "env", "JAVA_HOME=" + Dist.javaHome(), "tar", "--rsh-command=" + rsh, rmt,
                "-cf", "localhost:" + dir.resolve("a.tar"), "src");
        write.ok();

        assertThat(Run.in(dir, "tar", "-tf", dir.resolve("a.tar").toString()).ok().stdout())
                .isEqualTo("src/\nsrc/a.txt\n");
    }

    private static String launch(Path dir, String command) throws Exception {
        return Run.sh(dir, "JAVA_HOME=" + Dist.javaHome() + " " + command).ok().stdout();
    }

    private static Path unpack(Path dir) throws Exception {
        Run.in(dir, "tar", "-xzf", Dist.tarball().toString()).ok();
        return dir.resolve("rmt411-" + Dist.version());
    }
}
