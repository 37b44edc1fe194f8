package org.rmt411.client.tar.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.tar.Exclusions;

class IncrementalPlanTest {
    @TempDir
    Path work;

    private IncrementalPlan plan(Path root, SnapshotFile previous, List<String> warnings) {
        return IncrementalPlan.scan(List.of(root), previous, Instant.now(), new Exclusions(List.of("*.o")), warnings::add);
    }

    private static String dumpdir(IncrementalPlan plan, String member) {
        return plan.folders().stream().filter(f -> f.member().endsWith(member)).findFirst().orElseThrow()
                .dumpdir().encoded().replace('\0', ' ').trim();
    }

    @Test
    void levelZeroDumpsEverythingAndLevelOneOnlyWhatChanged() throws Exception {
        Path t = Files.createDirectories(work.resolve("t"));
        Files.createDirectories(t.resolve("sub"));
        Files.writeString(t.resolve("a"), "a");
        Files.writeString(t.resolve("b"), "b");
        Files.writeString(t.resolve("x.o"), "excluded");
        Files.writeString(t.resolve("sub/c"), "c");
        List<String> warnings = new ArrayList<>();
        IncrementalPlan zero = plan(t, null, warnings);
        assertThat(dumpdir(zero, "t/")).isEqualTo("Ya Yb Dsub Nx.o");
        assertThat(zero.changed()).extracting(IncrementalPlan.File::member).hasSize(3);

        Thread.sleep(50); // past the coarse file-time clock
        Files.writeString(t.resolve("b"), "changed");
        Files.writeString(t.resolve("new"), "new");
        Files.move(t.resolve("sub"), t.resolve("moved"));
        IncrementalPlan one = plan(t, zero.snapshot(), warnings);
        assertThat(dumpdir(one, "t/")).isEqualTo("Na Yb Dmoved Ynew Nx.o R" + rel(t) + "/sub T" + rel(t) + "/moved");
        assertThat(dumpdir(one, "t/moved/")).isEqualTo("Nc");
        assertThat(one.changed()).extracting(f -> f.path().getFileName().toString()).containsExactly("b", "new");
        assertThat(one.snapshot().folders()).extracting(SnapshotFile.Folder::name)
                .containsExactly(t.toString(), t + "/moved");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aFolderThatIsNewIsDumpedWholeEvenIfItsFilesAreOld() throws Exception {
        Path t = Files.createDirectories(work.resolve("t"));
        IncrementalPlan zero = plan(t, null, new ArrayList<>());
        Path old = Files.writeString(Files.createDirectories(t.resolve("brought-in")).resolve("old"), "old");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(0));
        IncrementalPlan one = plan(t, zero.snapshot(), new ArrayList<>());
        assertThat(dumpdir(one, "brought-in/")).isEqualTo("Yold");
    }

    private static String rel(Path path) {
        return path.toString().substring(1);
    }
}
