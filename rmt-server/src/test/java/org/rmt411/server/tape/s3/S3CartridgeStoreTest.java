package org.rmt411.server.tape.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtException;
import org.rmt411.server.tape.store.ImageStore;

/** The S3 store against a real S3 service (S3Proxy): segments, commits, leases, errors. */
class S3CartridgeStoreTest {
    private static final int SEGMENT = 64 * 1024;

    @TempDir
    static Path blobs;
    private static S3ProxyServer server;

    @BeforeAll
    static void start() throws Exception {
        S3ProxyServer.useTestCredentials();
        server = new S3ProxyServer(blobs);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static S3CartridgeStore store(String prefix, Duration lease) {
        return new S3CartridgeStore(server.settings(prefix).with(SEGMENT, lease));
    }

    private static Properties metadata(String barcode) {
        Properties p = new Properties();
        p.setProperty("barcode", barcode);
        return p;
    }

    private static byte[] pattern(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 31 + seed);
        }
        return data;
    }

    private static void append(ImageStore image, byte[] data) throws IOException {
        image.write(new ByteBuffer[] {ByteBuffer.wrap(data)}, 0, 1, image.size());
    }

    private static byte[] readAll(ImageStore image) throws IOException {
        ByteBuffer all = ByteBuffer.allocate((int) image.size());
        while (all.hasRemaining()) {
            assertThat(image.read(all, all.position())).isPositive();
        }
        return all.array();
    }

    @Test
    void bytesSpanningSegmentsReadBackAfterACommitAndACut() throws IOException {
        try (S3CartridgeStore store = store("spans/", S3Settings.DEFAULT_LEASE)) {
            try (ImageStore image = store.createImage("VT0001")) {
                image.force();
            }
            store.writeMetadata("VT0001", metadata("VT0001"));
            byte[] data = pattern(5 * SEGMENT / 2, 7);
            try (ImageStore image = store.openImage("VT0001", true)) {
                append(image, data);
                assertThat(readAll(image)).as("read while written").isEqualTo(data);
                image.force();
                image.truncate(SEGMENT + 10);
                image.force();
            }
            assertThat(store.barcodes()).containsExactly("VT0001");
            try (ImageStore image = store.openImage("VT0001", false)) {
                assertThat(readAll(image)).isEqualTo(java.util.Arrays.copyOf(data, SEGMENT + 10));
            }
            assertThat(store.readMetadata("VT0001").getProperty("barcode")).isEqualTo("VT0001");
        }
    }

    @Test
    void whatIsWrittenAfterTheLastSyncIsNotPartOfTheCartridge() throws IOException {
        try (S3CartridgeStore store = store("crash/", S3Settings.DEFAULT_LEASE)) {
            store.createImage("VT0001").close();
            store.writeMetadata("VT0001", metadata("VT0001"));
            byte[] synced = pattern(SEGMENT + 100, 1);
            ImageStore image = store.openImage("VT0001", true);
            append(image, synced);
            image.force();
            append(image, pattern(3 * SEGMENT, 2)); // full segments go up, the manifest does not
            image.close(); // as a crash would: no force
            try (ImageStore again = store.openImage("VT0001", false)) {
                assertThat(readAll(again)).isEqualTo(synced);
            }
        }
    }

    @Test
    void aSecondWriterGetsEbusyAndALapsedLeaseIsTakenOver() throws Exception {
        Duration lease = Duration.ofMillis(1500);
        try (S3CartridgeStore first = store("lease/", lease); S3CartridgeStore second = store("lease/", lease)) {
            first.createImage("VT0001").close();
            first.writeMetadata("VT0001", metadata("VT0001"));
            ImageStore held = first.openImage("VT0001", true);
            Thread.sleep(lease.toMillis() + 500); // renewed meanwhile: still held
            assertThatThrownBy(() -> second.openImage("VT0001", true)).isInstanceOf(RmtException.class)
                    .hasMessageContaining("is loaded by")
                    .satisfies(e -> assertThat(((RmtException) e).errno()).isEqualTo(Errno.EBUSY.number()));
            first.close(); // the server dies: nobody renews, nobody releases
            Thread.sleep(lease.toMillis() + 500);
            try (ImageStore taken = second.openImage("VT0001", true)) {
                assertThat(taken.writable()).isTrue();
            }
            append(held, pattern(100, 3));
            assertThatThrownBy(held::force).hasMessageContaining("lease was taken over");
        }
    }

    @Test
    void throttlingAnswersAreRetried() throws IOException {
        try (SlowDownProxy proxy = new SlowDownProxy(server.endpoint(), 3);
                S3CartridgeStore store = new S3CartridgeStore(S3Settings.parse("s3://" + S3ProxyServer.BUCKET
                        + "/throttled/", proxy.endpoint(), "us-east-1", true).with(SEGMENT, S3Settings.DEFAULT_LEASE))) {
            store.createImage("VT0001").close();
            store.writeMetadata("VT0001", metadata("VT0001"));
            assertThat(store.barcodes()).containsExactly("VT0001");
            assertThat(proxy.injected.get()).as("503 SlowDown answers the client retried past").isEqualTo(3);
        }
    }

    @Test
    void wrongCredentialsAreOneClearLine() {
        System.setProperty("aws.secretAccessKey", "wrong");
        try (S3CartridgeStore store = store("creds/", S3Settings.DEFAULT_LEASE)) {
            assertThatThrownBy(store::barcodes).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("s3://tapes/creds/: listing: access denied")
                    .hasMessageNotContaining("\n");
        } finally {
            S3ProxyServer.useTestCredentials();
        }
    }
}
