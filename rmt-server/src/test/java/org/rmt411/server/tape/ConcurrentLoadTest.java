package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmt411.server.device.Device;

/**
 * Regression: drives opened at the same moment on a new library each got the same blank
 * cartridge (the first autoloader's mount was not visible to the second until its session
 * recorded it), and the sharing sessions then failed with E2. Found by bench/memory.sh.
 */
class ConcurrentLoadTest {
    private static final int DRIVES = 8;

    @RegisterExtension
    final TapeFixture tapes = new TapeFixture(new TapeLibrary.Settings(DRIVES, 1L << 20, 1L << 17, true));

    @RepeatedTest(3)
    void drivesOpenedTogetherGetDifferentCartridges() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(DRIVES);
        CyclicBarrier start = new CyclicBarrier(DRIVES);
        List<Future<String>> loaded = new ArrayList<>();
        try {
            for (int d = 0; d < DRIVES; d++) {
                String name = "/dev/nst" + d;
                loaded.add(pool.submit(() -> {
                    start.await();
                    try (Device device = tapes.open(name, TapeFixture.RDWR)) {
                        TapeFixture.write(device, TapeFixture.record(16, 1));
                    }
                    return name;
                }));
            }
            for (Future<String> f : loaded) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tapes.library.driveContents()).doesNotHaveDuplicates().doesNotContainNull().hasSize(DRIVES);
    }
}
