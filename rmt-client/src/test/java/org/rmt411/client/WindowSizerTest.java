package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowSizerTest {
    private static final long MS = 1_000_000;
    private static final int RECORD = 10240;

    /** Rounds of a window-limited pipe: each round half the window is replied to after {@code rtt}/2. */
    private static int afterRounds(WindowSizer w, int rounds, long rttNanos, double linkBytesPerNano) {
        long now = 1;
        for (int r = 0; r < rounds; r++) {
            int half = Math.max(1, w.requests() / 2);
            long roundTime = Math.max(rttNanos / 2, (long) (half * RECORD / linkBytesPerNano));
            for (int i = 0; i < half; i++) {
                w.replied(RECORD, now, now + rttNanos);
            }
            now += roundTime;
            w.roundEnds(now, RECORD);
        }
        return w.requests();
    }

    @Test
    void growsToTwiceTheBandwidthDelayProduct() {
        // 10 ms RTT, 300 MB/s link: BDP 3 MB, about 293 records; the target is twice that.
        int window = afterRounds(new WindowSizer(32), 40, 10 * MS, 0.3);
        assertThat(window).isBetween(450, 700);
    }

    @Test
    void staysAtItsStartOnAShortLink() {
        assertThat(afterRounds(new WindowSizer(32), 40, MS / 20, 0.3)).isEqualTo(32);
    }

    @Test
    void aWindowOfOneNeverGrowsAndTheCapsHold() {
        assertThat(afterRounds(new WindowSizer(1), 20, 10 * MS, 0.3)).isEqualTo(1);
        assertThat(afterRounds(new WindowSizer(32), 60, 1000 * MS, 10.0)).isEqualTo(WindowSizer.MAX_REQUESTS);
        WindowSizer w = new WindowSizer(32);
        assertThat(w.full(31, 0)).isFalse();
        assertThat(w.full(32, 0)).isTrue();
    }
}
