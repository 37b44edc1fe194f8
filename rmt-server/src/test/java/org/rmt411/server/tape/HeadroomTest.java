package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rmt411.server.tape.TapeFixture.RDONLY;
import static org.rmt411.server.tape.TapeFixture.RDWR;
import static org.rmt411.server.tape.TapeFixture.WRONLY;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.Headroom;
import org.rmt411.protocol.MtOp;
import org.rmt411.server.device.Device;

/**
 * The headroom extension on a tape: what a write-behind client may write ahead, so that every
 * record it acknowledges early really completes before early warning.
 */
class HeadroomTest {
    private static final int CAPACITY = 1024 * 1024;
    private static final int EARLY_WARNING = 64 * 1024;

    @RegisterExtension
    final TapeFixture tapes = new TapeFixture(new TapeLibrary.Settings(1, CAPACITY, EARLY_WARNING, true));

    @Test
    void everyRecordWithinTheAnswerCompletesAndEarlyWarningLeavesNone() throws IOException {
        try (Device d = tapes.open("/dev/nst0", WRONLY)) {
            assertThat(d.headroom()).isEqualTo(CAPACITY - EARLY_WARNING);
            int written = 0;
            // Write as a write-behind bridge would: each record charged its overhead.
            while (d.headroom() >= 10240 + Headroom.RECORD_OVERHEAD) {
                TapeFixture.write(d, TapeFixture.record(10240, written++));
            }
            assertThat(written).isGreaterThan(90);
            // Beyond the answer the client writes in step: the write reaching early warning
            // completes, and then there is no headroom left at all.
            TapeFixture.write(d, TapeFixture.record(10240, written));
            assertThat(d.headroom()).isZero();
            TapeFixture.assertErrno(Errno.ENOSPC, () -> TapeFixture.write(d, TapeFixture.record(10240, 0)));
        }
    }

    @Test
    void fixedBlockModeCountsEachBlockAsARecord() throws IOException {
        try (Device d = tapes.open("/dev/nst0", RDWR)) {
            d.ioctl(MtOp.MTSETBLK, 512);
            long answer = d.headroom();
            assertThat(answer % 512).isZero();
            assertThat(answer / 512 * (512 + Headroom.RECORD_OVERHEAD)).isLessThanOrEqualTo(CAPACITY - EARLY_WARNING);
        }
    }

    @Test
    void aReadOnlyOpenHasNoHeadroom() throws IOException {
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            TapeFixture.assertErrno(Errno.EACCES, d::headroom);
        }
    }
}
