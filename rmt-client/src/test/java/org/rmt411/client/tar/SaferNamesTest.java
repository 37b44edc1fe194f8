package org.rmt411.client.tar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Member names as GNU tar 1.34 writes them for paths with '/' and '..' prefixes. */
class SaferNamesTest {
    @TempDir
    Path work;

    @Test
    void prefixesAreCutThroughTheLastDotDotThenSlashes() {
        assertThat(SaferNames.suffix("../../c/g")).isEqualTo("c/g");
        assertThat(SaferNames.suffix("/tmp/a/../c")).isEqualTo("c");
        assertThat(SaferNames.suffix("a/..")).isEqualTo(".");
        assertThat(SaferNames.suffix("./../x")).isEqualTo("x");
        assertThat(SaferNames.suffix("..foo/..bar/b")).isEqualTo("..foo/..bar/b");
        assertThat(SaferNames.suffix("//abs//x")).isEqualTo("abs//x");
        assertThat(SaferNames.suffix("../b/./f")).isEqualTo("b/./f");
    }

    @Test
    void eachPrefixIsReportedOnce() {
        List<String> said = new ArrayList<>();
        SaferNames names = new SaferNames(said::add);
        names.member("/a");
        names.member("/b");
        names.member("../x");
        names.linkTarget("../x");
        assertThat(said).containsExactly("Removing leading '/' from member names",
                "Removing leading '../' from member names", "Removing leading '../' from hard link targets");
    }

    @Test
    void memberNamesAndWarningsMatchGnuTar() throws Exception {
        Path a = Files.createDirectories(work.resolve("a/b"));
        Files.writeString(a.resolve("f"), "f\n");
        Files.createDirectories(work.resolve("c"));
        Files.writeString(work.resolve("c/g"), "g\n");
        Files.createSymbolicLink(work.resolve("c/up"), Path.of("../a/b/f")); // target kept as is
        Files.createLink(work.resolve("c/hard"), work.resolve("c/g"));
        List<String> args = List.of(work + "/a/b/../../c", work + "/a/../a/b/f", work + "/a/b/..", work + "/c/g");

        List<String> warnings = new ArrayList<>();
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        new TarBackup(ours, 10240, n -> { }, warnings::add).write(args.stream().map(Path::of).toList());

        Path gnu = work.resolve("gnu.tar");
        List<String> command = new ArrayList<>(List.of("tar", "--sort=name", "-cf", gnu.toString()));
        command.addAll(args);
        Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(members(ours.toByteArray())).isEqualTo(members(Files.readAllBytes(gnu)));
        List<String> expected = said.lines().map(l -> l.replaceFirst("^tar: ", "").replace('`', '\'')).toList();
        assertThat(warnings).isEqualTo(expected);
    }

    /** Each member as "name -> link" in archive order. */
    private static List<String> members(byte[] archive) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName() + (e.getLinkName().isEmpty() ? "" : " -> " + e.getLinkName()));
            }
        }
        return names;
    }
}
