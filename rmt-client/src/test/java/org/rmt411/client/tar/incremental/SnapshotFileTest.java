package org.rmt411.client.tar.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotFileTest {
    /** What GNU tar 1.34 wrote for a folder t holding a file a and a folder sub (from od -c). */
    private static final String GNU_WRITTEN = "GNU tar-1.34-2\n1796120953\0" + "940995101\0"
            + "0\0" + "1796120952\0" + "923855821\0" + "65024\0" + "2149572\0" + "t\0" + "Ya\0" + "Dsub\0\0\0"
            + "0\0" + "1796120953\0" + "5\0" + "65024\0" + "2149571\0" + "t/sub\0\0\0";

    @TempDir
    Path work;

    @Test
    void readsWhatGnuTarWritesAndWritesItBackByteForByte() throws Exception {
        Path file = Files.write(work.resolve("snar"), GNU_WRITTEN.getBytes(StandardCharsets.UTF_8));
        SnapshotFile snapshot = SnapshotFile.read(file);
        assertThat(snapshot.started()).isEqualTo(Instant.ofEpochSecond(1796120953L, 940995101));
        assertThat(snapshot.folders()).hasSize(2);
        SnapshotFile.Folder t = snapshot.folders().get(0);
        assertThat(t.name()).isEqualTo("t");
        assertThat(t.device()).isEqualTo(65024);
        assertThat(t.inode()).isEqualTo(2149572);
        assertThat(t.dumpdir().entries()).containsExactly(new Dumpdir.Entry('Y', "a"), new Dumpdir.Entry('D', "sub"));
        assertThat(snapshot.folders().get(1).dumpdir().entries()).isEmpty();

        snapshot.write(work.resolve("again"));
        assertThat(Files.readString(work.resolve("again"))).isEqualTo(GNU_WRITTEN);
    }

    @Test
    void aMissingOrEmptyFileIsNoSnapshot() throws Exception {
        assertThat(SnapshotFile.read(work.resolve("missing"))).isNull();
        assertThat(SnapshotFile.read(Files.write(work.resolve("empty"), new byte[0]))).isNull();
    }

    @Test
    void snapshotWrittenIsTheRenameRecordFreeDumpdir() throws Exception {
        Dumpdir withRenames = new Dumpdir(List.of(new Dumpdir.Entry('Y', "a")))
                .withRecords(List.of(new Dumpdir.Entry('R', "t/x"), new Dumpdir.Entry('T', "t/y")));
        SnapshotFile snapshot = new SnapshotFile(Instant.ofEpochSecond(5, 6),
                List.of(new SnapshotFile.Folder(false, Instant.ofEpochSecond(7, 8), -1L, 9, "t", withRenames)));
        assertThat(new String(snapshot.encoded(), StandardCharsets.UTF_8))
                .isEqualTo("GNU tar-1.34-2\n5\0" + "6\0" + "0\0" + "7\0" + "8\0" + "18446744073709551615\0" + "9\0"
                        + "t\0" + "Ya\0\0\0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GNU tar-1.34-1^|line 1: unsupported incremental format version '1' (expected 2)",
        "1796120953^|line 1: not a GNU tar snapshot file of format 2",
        "GNU tar-1.34-2|line 1: no header line",
        "GNU tar-1.34-2^17x|byte 17: timestamp seconds '17' followed by invalid byte 0x78",
        "GNU tar-1.34-2^1~0~7~|byte 19: nfs 7 out of range 0..1",
        "GNU tar-1.34-2^1~1000000000~|byte 17: timestamp nanoseconds 1000000000 out of range",
        "GNU tar-1.34-2^1~0~0~1~0~2~3~t~Ya~~X|byte 35: missing record terminator",
        "GNU tar-1.34-2^1~0~0~1~0~2~3~t|byte 30: unexpected end of file in a folder record",
        "GNU tar-1.34-2^1~0~0~1|byte 22: unexpected end of file in mtime seconds",
    })
    void aMalformedFileGetsOneErrorNamingTheFileAndThePlace(String content, String message) throws Exception {
        Path file = Files.write(work.resolve("bad.snar"), content.replace('~', '\0').replace('^', '\n').getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SnapshotFile.read(file)).isInstanceOf(SnapshotFormatException.class)
                .hasMessageStartingWith(file + ": " + message);
    }
}
