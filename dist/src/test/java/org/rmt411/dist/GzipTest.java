package org.rmt411.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipTest {
    private static final byte[] TEXT = ".TH RMT411D 8\n.SH NAME\nrmt411d \\- rmt server\n".repeat(50)
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTripsThroughTheJdksGunzip() throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Gzip.gzip(TEXT)))) {
            assertThat(in.readAllBytes()).isEqualTo(TEXT);
        }
    }

    @Test
    void headerSaysBestCompressionAndCarriesNoTimeOrName() {
        byte[] gz = Gzip.gzip(TEXT);
        // lintian reads XFL (byte 8) to judge gzip -9; -n leaves FLG (no name) and MTIME at 0.
        assertThat(gz[8]).as("XFL").isEqualTo((byte) 2);
        assertThat(gz[3]).as("FLG").isZero();
        assertThat(new byte[] {gz[4], gz[5], gz[6], gz[7]}).as("MTIME").containsOnly(0);
    }

    @Test
    void sameInputSameBytes() {
        assertThat(Gzip.gzip(TEXT)).isEqualTo(Gzip.gzip(TEXT.clone()));
    }
}
