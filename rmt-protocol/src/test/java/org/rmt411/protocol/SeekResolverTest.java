package org.rmt411.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The L argument order, decided per request as docs/protocol.md explains. */
class SeekResolverTest {
    private static SeekResolver.Resolved resolve(SeekResolver r, String a, String b) throws RmtException {
        return r.resolve(new RmtRequest.Seek(a, b));
    }

    private static SeekResolver.Resolved at(long offset, int whence) {
        return new SeekResolver.Resolved(offset, whence);
    }

    @Test
    void symbolicWhenceDecides() throws RmtException {
        SeekResolver r = new SeekResolver(SeekOrder.AUTO);
        assertThat(resolve(r, "SEEK_CUR", "2")).isEqualTo(at(2, 1));
        assertThat(resolve(r, "SET", "1")).isEqualTo(at(1, 0));
        assertThat(resolve(r, "2", "END")).isEqualTo(at(2, 2));
        assertThat(resolve(r, "-4", "SEEK_END")).isEqualTo(at(-4, 2));
    }

    @Test
    void valueOutsideWhenceRangeIsTheOffset() throws RmtException {
        SeekResolver r = new SeekResolver(SeekOrder.AUTO);
        // tar 1.34 --seek: offset first
        assertThat(resolve(r, "20480", "1")).isEqualTo(at(20480, 1));
        // tar 1.35: whence first
        assertThat(resolve(new SeekResolver(SeekOrder.AUTO), "1", "20480")).isEqualTo(at(20480, 1));
        assertThat(resolve(r, "-4", "2")).isEqualTo(at(-4, 2));
    }

    @Test
    void exactlyOneNonZeroIsTheWhence() throws RmtException {
        SeekResolver r = new SeekResolver(SeekOrder.AUTO);
        // tar -r's "tell": L0⏎1⏎ (offset first) and L1⏎0⏎ (whence first) both mean SEEK_CUR 0.
        assertThat(resolve(r, "0", "1")).isEqualTo(at(0, 1));
        assertThat(resolve(r, "1", "0")).isEqualTo(at(0, 1));
        assertThat(resolve(r, "0", "2")).isEqualTo(at(0, 2));
        assertThat(resolve(r, "0", "0")).isEqualTo(at(0, 0));
    }

    @Test
    void ambiguousFollowsWhatTheSessionShowed() throws RmtException {
        SeekResolver fresh = new SeekResolver(SeekOrder.AUTO);
        assertThat(resolve(fresh, "1", "2")).as("default offset-first").isEqualTo(at(1, 2));
        SeekResolver gnu135 = new SeekResolver(SeekOrder.AUTO);
        resolve(gnu135, "1", "10240");
        assertThat(resolve(gnu135, "1", "2")).as("after whence-first evidence").isEqualTo(at(2, 1));
        SeekResolver bsd = new SeekResolver(SeekOrder.AUTO);
        resolve(bsd, "10240", "1");
        assertThat(resolve(bsd, "1", "2")).isEqualTo(at(1, 2));
    }

    @Test
    void forcedOrders() throws RmtException {
        assertThat(resolve(new SeekResolver(SeekOrder.WHENCE_FIRST), "0", "1")).isEqualTo(at(1, 0));
        assertThat(resolve(new SeekResolver(SeekOrder.OFFSET_FIRST), "1", "0")).isEqualTo(at(1, 0));
        assertThatThrownBy(() -> resolve(new SeekResolver(SeekOrder.WHENCE_FIRST), "20480", "1"))
                .isInstanceOf(RmtException.class).hasMessageContaining("Seek direction out of range");
    }

    @Test
    void nonsenseIsEinvalWithGnuTexts() {
        SeekResolver r = new SeekResolver(SeekOrder.AUTO);
        assertThatThrownBy(() -> resolve(r, "7", "9")).hasMessageContaining("Seek direction out of range");
        assertThatThrownBy(() -> resolve(r, "SEEK_FOO", "1")).hasMessageContaining("Invalid seek direction");
        assertThatThrownBy(() -> resolve(r, "0", "abc")).hasMessageContaining("Invalid seek offset");
        assertThatThrownBy(() -> resolve(r, "SET", "abc")).hasMessageContaining("Invalid seek offset");
        assertThatThrownBy(() -> resolve(r, "", "0")).hasMessageContaining("Invalid seek direction");
    }
}
