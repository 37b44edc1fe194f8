package org.rmt411.client.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup asked to stop hands the sink whole blocks, closes it, and names the last member written whole. */
class TarBackupStopTest {
    @TempDir
    Path work;

    @Test
    void stopMidFileLeavesWholeRecordsAndNamesTheLastWholeMember() throws Exception {
        Files.writeString(work.resolve("a-small"), "small\n");
        Files.write(work.resolve("b-big"), new byte[1 << 20]);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        AtomicLong content = new AtomicLong();
        TarBackup backup = new TarBackup(sink, 10240, content::addAndGet, w -> { })
                .stopWhen(() -> content.get() > 300_000); // inside b-big
        assertThatThrownBy(() -> backup.write(List.of(work.resolve("a-small"), work.resolve("b-big"))))
                .isInstanceOfSatisfying(BackupInterruptedException.class,
                        e -> assertThat(e.lastMember()).isEqualTo(work.resolve("a-small").toString().substring(1)));
        // Whole tar blocks reach the sink, which is closed; a RecordOutputStream there pads the record.
        assertThat(sink.size() % 512).isZero();
        assertThat(sink.size()).isBetween(300_000, 400_000);
    }

    @Test
    void aBackupThatIsNotStoppedIsPaddedToTheRecord() throws Exception {
        Files.writeString(work.resolve("x"), "x");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        new TarBackup(sink, 10240, n -> { }, w -> { }).write(List.of(work.resolve("x")));
        assertThat(sink.size()).isEqualTo(10240);
    }
}
