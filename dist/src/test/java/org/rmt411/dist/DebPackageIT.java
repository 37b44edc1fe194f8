package org.rmt411.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .deb as dpkg and lintian see it, without installing it. */
class DebPackageIT {
    @Test
    void controlFieldsNameTheVersionAJavaRuntimeAndAdduser() throws Exception {
        String fields = Run.run("dpkg-deb", "-f", Dist.deb().toString(), "Package", "Version", "Architecture",
                "Depends").ok().stdout();

        assertThat(fields).contains("Package: rmt411", "Version: " + Changelog.debianVersion(Dist.version()),
                "Architecture: all", "Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless, adduser");
        assertThat(Run.run("dpkg-deb", "-I", Dist.deb().toString()).ok().stdout())
                .contains(" postinst ", " prerm ", " postrm ");
    }

    @Test
    void contentsAreTheCommandsTheirPagesUnitsAndJarsOwnedByRoot() throws Exception {
        Map<String, String> modes = contents();

        assertThat(modes).containsEntry("/usr/bin/rmt411", "-rwxr-xr-x")
                .containsEntry("/usr/bin/rmt411d", "-rwxr-xr-x")
                .containsEntry("/usr/sbin/rmt-rmt411", "-rwxr-xr-x")
                .containsEntry("/usr/share/rmt411/lib/rmt-server.jar", "-rw-r--r--")
                .containsEntry("/usr/share/rmt411/lib/rmt-client.jar", "-rw-r--r--")
                .containsEntry("/usr/share/rmt411/wireshark/rmt411.lua", "-rw-r--r--")
                .containsEntry("/lib/systemd/system/rmt411.socket", "-rw-r--r--")
                .containsEntry("/lib/systemd/system/rmt411.service", "-rw-r--r--")
                .containsEntry("/usr/share/bash-completion/completions/rmt411", "-rw-r--r--")
                .containsEntry("/usr/share/bash-completion/completions/rmt411d", "-rw-r--r--")
                .containsEntry("/usr/share/doc/rmt411/copyright", "-rw-r--r--")
                .containsEntry("/usr/share/doc/rmt411/changelog.gz", "-rw-r--r--")
                .containsKeys("/usr/share/man/man1/rmt411.1.gz", "/usr/share/man/man8/rmt411d.8.gz",
                        "/usr/share/man/man8/rmt-rmt411.8.gz", "/usr/share/man/man8/rmt411d-cartridge-create.8.gz",
                        "/usr/share/man/man8/rmt411d-drives.8.gz");
        for (String sub : Dist.CLIENT_SUBCOMMANDS) {
            assertThat(modes).containsKey("/usr/share/man/man1/rmt411-" + sub + ".1.gz");
        }
        assertThat(Run.run("dpkg-deb", "-c", Dist.deb().toString()).ok().stdout().lines())
                .allMatch(line -> line.split("\\s+")[1].equals("root/root"), "owned by root/root");
    }

    @Test
    void lintianFindsNoErrorAndNoWarning() throws Exception {
        if (!Run.onPath("lintian")) {
            throw new AssertionError("lintian is not installed: apt-get install lintian (.ci/run does)");
        }
        Run.Result lintian = Run.run("lintian", "--pedantic", Dist.deb().toString());

        // Only informational tags stay, each explained in docs/packaging.md.
        List<String> tags = lintian.stdout().lines().filter(line -> !line.startsWith("N:")).toList();
        assertThat(tags).as(lintian.stdout() + lintian.stderr()).allMatch(line -> line.startsWith("I: "));
        assertThat(lintian.exit()).as(lintian.stderr()).isZero();
    }

    @Test
    void generatedFilesAreWhatTheInstalledCommandsNeed(@TempDir Path dir) throws Exception {
        Run.run("dpkg-deb", "-x", Dist.deb().toString(), dir.toString()).ok();

        String page = Run.sh(dir, "gzip -dc usr/share/man/man8/rmt411d.8.gz").ok().stdout();
        assertThat(page).contains(".TH \"RMT411D\" \"8\"", Dist.version().replace("-", "\\-"), "\\-\\-stdio");
        String completion = Files.readString(dir.resolve("usr/share/bash-completion/completions/rmt411"));
        assertThat(completion).doesNotStartWith("#!").contains("complete -F").contains("backup");
        String changelog = Run.sh(dir, "gzip -dc usr/share/doc/rmt411/changelog.gz").ok().stdout();
        assertThat(changelog).startsWith("rmt411 (" + Changelog.debianVersion(Dist.version()) + ") unstable;");
    }

    @Test
    void launchersKeepTheirJvmOptionsOnOneLine(@TempDir Path dir) throws Exception {
        Run.run("dpkg-deb", "-x", Dist.deb().toString(), dir.toString()).ok();

        // The contract with whoever tunes start-up: one JVM_OPTS= line per launcher, used by exec.
        for (String launcher : List.of("usr/bin/rmt411", "usr/bin/rmt411d")) {
            List<String> lines = Files.readAllLines(dir.resolve(launcher));
            assertThat(lines).filteredOn(l -> l.startsWith("JVM_OPTS=")).hasSize(1);
            assertThat(lines).filteredOn(l -> l.startsWith("exec ")).singleElement().asString()
                    .contains("$JVM_OPTS").contains("-jar");
        }
        assertThat(Files.readAllLines(dir.resolve("usr/sbin/rmt-rmt411")))
                .filteredOn(l -> l.startsWith("RMT_ARGS=")).singleElement().asString().containsPattern("--(stdio|rmt)\\b");
    }

    /** Path (without the leading dot) to its mode string, from dpkg-deb -c. */
    private static Map<String, String> contents() throws IOException, InterruptedException {
        Map<String, String> modes = new LinkedHashMap<>();
        for (String line : Run.run("dpkg-deb", "-c", Dist.deb().toString()).ok().stdout().lines().toList()) {
            String[] f = line.split("\\s+");
            modes.put(f[f.length - 1].substring(1), f[0]);
        }
        assertThat(modes.keySet()).as(Arrays.toString(modes.keySet().toArray())).isNotEmpty();
        return modes;
    }
}
