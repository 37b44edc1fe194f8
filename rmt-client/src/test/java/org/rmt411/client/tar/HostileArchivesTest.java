package org.rmt411.client.tar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crafted archives of src/test/resources/hostile (see make_archives.py there), extracted by
 * rmt-client and by GNU tar side by side: neither may change anything outside the extraction
 * folder (a file "victim" and a folder "outdir" next to it), and where GNU tar's result inside
 * is the safe one, ours is the same.
 */
class HostileArchivesTest {
    private static final FileTime OLD = FileTime.fromMillis(1_577_836_800_000L); // 2020-01-01

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"restore-deferred-chmod-through-symlink", "restore-dotdot-and-absolute-names",
        "restore-hardlink-to-outside", "restore-link-replaces-folder"})
    void nothingOutsideChangesAndTheInsideMatchesGnuTar(String name) throws Exception {
        Path ours = extractOurs(name);
        Path gnu = extractGnu(name);
        assertThat(tree(ours)).isEqualTo(tree(gnu));
    }

    @ParameterizedTest
    @ValueSource(strings = {"restore-deferred-chmod-through-symlink"})
    void deferredFolderAttributesSkipTheLinkThatReplacedTheFolder(String name) throws Exception {
        Path ours = extractOurs(name);
        assertThat(Files.readSymbolicLink(ours.resolve("dir/d"))).hasToString("../victim");
        // The victim keeps mode 0600, its owner (not the folder's 4321) and its 2020 mtime:
        // extractOurs checks them.
    }

    @ParameterizedTest
    @ValueSource(strings = {"restore-file-through-symlink"})
    void aFileMemberReplacesALinkAndNothingIsWrittenBeneathOne(String name) throws Exception {
        Path ours = extractOurs(name);
        extractGnu(name); // GNU tar keeps the link (created last, as a delayed link); neither writes outside
        assertThat(ours.resolve("dir/l")).isRegularFile().hasContent("owned");
        assertThat(Files.readSymbolicLink(ours.resolve("dir/esc"))).hasToString("..");
    }

    /** Extracts with rmt-client into {@code ours/dir}; asserts the outside is untouched. */
    private Path extractOurs(String name) throws IOException {
        Path base = prepare(work.resolve("ours"));
        try (InputStream in = resource(name)) {
            new SafeExtractor(base.resolve("dir"), List.of(), w -> { }, n -> { })
                    .extract(new TarArchiveInputStream(in, 10240, "UTF-8"));
        }
        assertOutsideUntouched(base);
        return base;
    }

    private Path extractGnu(String name) throws Exception {
        Path base = prepare(work.resolve("gnu"));
        Path archive = work.resolve(name + ".tar");
        try (InputStream in = resource(name)) {
            Files.copy(in, archive);
        }
        Process tar = new ProcessBuilder("tar", "-xf", archive.toString(), "-C", base.resolve("dir").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            tar.destroyForcibly();
        }
        assertOutsideUntouched(base);
        return base;
    }

    private static InputStream resource(String name) {
        InputStream in = HostileArchivesTest.class.getResourceAsStream("/hostile/" + name + ".tar");
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static Path prepare(Path base) throws IOException {
        Files.createDirectories(base.resolve("dir"));
        Files.createDirectories(base.resolve("outdir"));
        Path victim = Files.writeString(base.resolve("victim"), "precious\n");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
        Files.setLastModifiedTime(victim, OLD);
        return base;
    }

    private static void assertOutsideUntouched(Path base) throws IOException {
        Path victim = base.resolve("victim");
        assertThat(victim).hasContent("precious");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim))).isEqualTo("rw-------");
        assertThat(Files.getLastModifiedTime(victim)).isEqualTo(OLD);
        assertThat(Files.getAttribute(victim, "unix:nlink")).isEqualTo(1);
        assertThat(Files.getAttribute(victim, "unix:uid")).isEqualTo(Files.getAttribute(base, "unix:uid"));
        assertThat(base.resolve("outdir")).isEmptyDirectory();
        try (Stream<Path> top = Files.list(base)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("dir", "outdir", "victim");
        }
    }

    /** Each entry under dir: name, owner, mode, and link target or mtime and content. */
    private static List<String> tree(Path base) throws IOException {
        Path root = base.resolve("dir");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted()::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String line = root.relativize(p) + " uid=" + Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                if (Files.isSymbolicLink(p)) {
                    line += " -> " + Files.readSymbolicLink(p);
                } else {
                    // A folder's mtime is when its last member went in, not comparable across tools.
                    line += " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p))
                            + (Files.isRegularFile(p) ? " " + Files.getLastModifiedTime(p) + " " + Files.readString(p) : "/");
                }
                lines.add(line);
            }
        }
        return lines;
    }
}
