package org.rmt411.client.tar.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpdirRestoreTest {
    @TempDir
    Path work;

    private final List<String> warnings = new ArrayList<>();

    private DumpdirRestore restore(Path root) {
        return new DumpdirRestore(name -> {
            Path p = root.resolve(name).normalize();
            return p.startsWith(root) && !name.contains("..") ? p : null;
        }, warnings::add, line -> { });
    }

    @Test
    void renamesThenDeletesWhatTheFolderDidNotHold() throws Exception {
        Path root = Files.createDirectories(work.resolve("root"));
        Path t = Files.createDirectories(root.resolve("t"));
        Files.createDirectories(t.resolve("old/inner"));
        Files.writeString(t.resolve("old/inner/kept"), "k");
        Files.writeString(t.resolve("gone"), "g");
        Files.writeString(t.resolve("was-file"), "now a folder");
        Files.createDirectories(t.resolve("was-folder/x"));
        Files.writeString(t.resolve("keep"), "keep");
        restore(root).apply(t, "t/", Dumpdir.parse("Dnew\0Dwas-file\0Ywas-folder\0Nkeep\0Rt/old\0Tt/new\0\0"));
        assertThat(Files.readString(t.resolve("new/inner/kept"))).isEqualTo("k");
        assertThat(t.resolve("old")).doesNotExist();
        assertThat(t.resolve("gone")).doesNotExist();
        assertThat(t.resolve("was-file")).doesNotExist();
        assertThat(t.resolve("was-folder")).doesNotExist();
        assertThat(t.resolve("keep")).exists();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aSwapThroughTheTemporaryFolder() throws Exception {
        Path root = Files.createDirectories(work.resolve("root"));
        Path t = Files.createDirectories(root.resolve("t"));
        Files.writeString(Files.createDirectories(t.resolve("a")).resolve("from-a"), "a");
        Files.writeString(Files.createDirectories(t.resolve("b")).resolve("from-b"), "b");
        restore(root).apply(t, "t/", Dumpdir.parse("Da\0Db\0Xt\0Rt/b\0T\0Rt/a\0Tt/b\0R\0Tt/a\0\0"));
        assertThat(t.resolve("a/from-b")).exists();
        assertThat(t.resolve("b/from-a")).exists();
        try (var left = Files.list(t)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a", "b");
        }
    }

    @Test
    void aLinkIsDeletedAsALinkNeverFollowed() throws Exception {
        Path outside = Files.createDirectories(work.resolve("outside"));
        Files.writeString(outside.resolve("precious"), "p");
        Path root = Files.createDirectories(work.resolve("root"));
        Path t = Files.createDirectories(root.resolve("t"));
        Files.createSymbolicLink(t.resolve("link"), outside);
        restore(root).apply(t, "t/", Dumpdir.parse("\0"));
        assertThat(Files.exists(t.resolve("link"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(outside.resolve("precious")).exists();
    }

    @Test
    void aRenameOutOfTheFolderIsRefusedAndNothingIsPurged() throws Exception {
        Path root = Files.createDirectories(work.resolve("root"));
        Path t = Files.createDirectories(root.resolve("t"));
        Files.createDirectories(t.resolve("d"));
        restore(root).apply(t, "t/", Dumpdir.parse("Rt/d\0T../escaped\0\0"));
        assertThat(t.resolve("d")).exists();
        assertThat(work.resolve("escaped")).doesNotExist();
        assertThat(warnings).singleElement().asString().contains("rename outside the extraction folder");
    }

    @Test
    void aMalformedDumpdirPurgesNothing() throws Exception {
        Path root = Files.createDirectories(work.resolve("root"));
        Path t = Files.createDirectories(root.resolve("t"));
        Files.writeString(t.resolve("stays"), "s");
        restore(root).apply(t, "t/", Dumpdir.parse("Rt/x\0\0"));
        assertThat(t.resolve("stays")).exists();
        assertThat(warnings).singleElement().asString().contains("malformed dumpdir: expected 'T' but found end of data");
    }
}
