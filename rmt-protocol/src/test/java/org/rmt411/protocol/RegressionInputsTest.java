package org.rmt411.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Inputs that once broke the decoder, kept as files named after the bug they caught (the
 * commons-compress habit).
 */
class RegressionInputsTest {
    private static RmtRequestDecoder decoder(String name, long maxRecord) throws IOException {
        InputStream in = RegressionInputsTest.class.getResourceAsStream("regressions/" + name);
        return new RmtRequestDecoder(new java.io.ByteArrayInputStream(in.readAllBytes()), maxRecord);
    }

    /**
     * The allocation-free count parser consumed a plain count above the maximum and then the slow
     * path read the next line as that count: R5 vanished and the session fell out of step.
     */
    @Test
    void fastCountOverMaximumRereadsNextLine() throws IOException {
        RmtRequestDecoder d = decoder("fast-count-over-maximum-rereads-next-line.in", 1 << 20);
        assertThat(d.next()).isEqualTo(new RmtRequest.Rejected(Errno.EINVAL, "Byte count out of range", false));
        assertThat(d.next()).isEqualTo(new RmtRequest.Read(5));
        assertThat(d.next()).isEqualTo(new RmtRequest.Rejected(Errno.EINVAL, "Byte count out of range", true));
    }
}
