package org.rmt411.client.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Compression on writing, and recognition by magic number on reading, as GNU tar does. */
class CompressionTest {
    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void roundTripIgnoresTheRecordPaddingAfterTheStream(Compression compression) throws IOException {
        byte[] data = new byte[100_000];
        new Random(7).nextBytes(data);
        Arrays.fill(data, 50_000, 90_000, (byte) 'x'); // something to compress
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try (OutputStream out = compression.compress(written, 10240)) {
            out.write(data);
        }
        // As on a tape: the compressed stream is padded with zeros to a whole 10240-byte record.
        int padded = (written.size() + 10239) / 10240 * 10240;
        byte[] onTape = Arrays.copyOf(written.toByteArray(), padded);
        try (InputStream in = Compression.decompress(new ByteArrayInputStream(onTape))) {
            byte[] back = in.readNBytes(data.length);
            assertThat(back).isEqualTo(data);
        }
    }

    @Test
    void zstdFramesAfterTheFirstAndSkippableFramesAreRead() throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        for (String part : new String[] {"first frame, ", "second frame"}) {
            try (OutputStream out = Compression.ZSTD.compress(written, 512)) {
                out.write(part.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            // A skippable frame (magic 0x184D2A5?, 4-byte size, data) between and after frames.
            written.write(bytes(0x53, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 'a', 'b', 'c'));
        }
        byte[] onTape = Arrays.copyOf(written.toByteArray(), 10240);
        try (InputStream in = Compression.decompress(new ByteArrayInputStream(onTape))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("first frame, second frame");
        }
    }

    @Test
    void zstdPaddingIsASkippableFrameToTheRecordEnd() throws IOException {
        for (int[] c : new int[][] {{500, 512}, {505, 1024}, {511, 1024}, {512, 512}, {0, 0}}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream padded = new ZstdPadding(out, 512)) {
                padded.write(new byte[c[0]]);
            }
            byte[] all = out.toByteArray();
            assertThat(all).as("%d bytes", c[0]).hasSize(c[1]);
            if (c[1] > c[0]) {
                int size = c[1] - c[0] - 8;
                assertThat(Arrays.copyOfRange(all, c[0], c[0] + 8))
                        .containsExactly(bytes(0x50, 0x2a, 0x4d, 0x18, size & 0xff, size >>> 8, 0, 0));
            }
        }
    }

    @Test
    void magicNumbersAreRecognised() throws IOException {
        assertThat(Compression.detect(bytes(0x1f, 0x8b, 8, 0, 0, 0))).isEqualTo(Compression.GZIP);
        assertThat(Compression.detect(bytes('B', 'Z', 'h', '9', 0x31, 0x41))).isEqualTo(Compression.BZIP2);
        assertThat(Compression.detect(bytes('B', 'Z', 'h', 'x', 0, 0))).isEqualTo(Compression.NONE);
        assertThat(Compression.detect(bytes(0xfd, '7', 'z', 'X', 'Z', 0))).isEqualTo(Compression.XZ);
        assertThat(Compression.detect(bytes(0x28, 0xb5, 0x2f, 0xfd, 0, 0))).isEqualTo(Compression.ZSTD);
        assertThat(Compression.detect(bytes('s', 'r', 'c', '/', 0, 0))).isEqualTo(Compression.NONE);
        assertThat(Compression.detect(bytes(0x1f))).isEqualTo(Compression.NONE);
        assertThat(Compression.detect(new byte[0])).isEqualTo(Compression.NONE);
    }

    @Test
    void formatsWeDoNotDecodeAreNamed() {
        assertThatThrownBy(() -> Compression.detect(bytes('L', 'Z', 'I', 'P', 1, 0)))
                .hasMessageContaining("lzip-compressed").hasMessageContaining("GNU tar can read it");
        assertThatThrownBy(() -> Compression.detect(bytes(0x89, 'L', 'Z', 'O', 0, 0x0d))).hasMessageContaining("lzop");
        assertThatThrownBy(() -> Compression.detect(bytes(0x1f, 0x9d, 0x90))).hasMessageContaining("compress");
    }
}
