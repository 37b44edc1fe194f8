package org.rmt411.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rmt411.protocol.OpenFlags.O_APPEND;
import static org.rmt411.protocol.OpenFlags.O_CREAT;
import static org.rmt411.protocol.OpenFlags.O_RDONLY;
import static org.rmt411.protocol.OpenFlags.O_RDWR;
import static org.rmt411.protocol.OpenFlags.O_TRUNC;
import static org.rmt411.protocol.OpenFlags.O_WRONLY;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every open-flags form a real client sends. */
class OpenFlagsTest {

    @Test
    void decimalLinuxValues() {
        assertThat(OpenFlags.parse("0")).isEqualTo(O_RDONLY);
        assertThat(OpenFlags.parse("577")).isEqualTo(O_WRONLY | O_CREAT | O_TRUNC);
        assertThat(OpenFlags.parse("578")).isEqualTo(O_RDWR | O_CREAT | O_TRUNC);
    }

    @Test
    void gnuCombinedFormSymbolicPartWins() {
        // GNU tar 1.34 -c, dump, cpio: number in the client's numbering, symbolic authoritative.
        assertThat(OpenFlags.parse("65 O_WRONLY|O_CREAT")).isEqualTo(O_WRONLY | O_CREAT);
        assertThat(OpenFlags.parse("1 O_WRONLY|O_CREAT|O_TRUNC")).isEqualTo(O_WRONLY | O_CREAT | O_TRUNC);
        assertThat(OpenFlags.parse("66 O_RDONLY")).isEqualTo(O_RDONLY);
        assertThat(OpenFlags.parse("0 O_RDONLY")).isEqualTo(O_RDONLY);
    }

    @Test
    void symbolicListsWithAndWithoutPrefix() {
        assertThat(OpenFlags.parse("CREAT|RDWR|TRUNC")).isEqualTo(O_RDWR | O_CREAT | O_TRUNC);
        assertThat(OpenFlags.parse("O_WRONLY|O_APPEND")).isEqualTo(O_WRONLY | O_APPEND);
        assertThat(OpenFlags.parse("  O_RDONLY  ")).isEqualTo(O_RDONLY);
        assertThat(OpenFlags.parse("RDONLY |  LARGEFILE")).isEqualTo(O_RDONLY);
        assertThat(OpenFlags.parse("O_WRONLY|O_CREAT|")).isEqualTo(O_WRONLY | O_CREAT);
    }

    @Test
    void numbersMixedIntoTheListWhichGnuRmtRejects() {
        assertThat(OpenFlags.parse("64|512")).isEqualTo(O_CREAT | O_TRUNC);
        assertThat(OpenFlags.parse("WRONLY|64|512")).isEqualTo(O_WRONLY | O_CREAT | O_TRUNC);
        assertThat(OpenFlags.parse("CREAT|1")).isEqualTo(O_WRONLY | O_CREAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "BOGUS", "o_rdonly", "O_WRONLY|BOGUS", "3", "O_WRONLY|O_RDWR", "99999999999", "|", "5x"})
    void invalidFlags(String flags) {
        assertThatThrownBy(() -> OpenFlags.parse(flags)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wireFormRoundTrips() {
        for (int flags : new int[] {0, O_WRONLY | O_CREAT | O_TRUNC, O_RDWR | O_CREAT, O_WRONLY | O_APPEND,
            O_WRONLY | OpenFlags.O_SYNC, O_WRONLY | OpenFlags.O_DSYNC}) {
            assertThat(OpenFlags.parse(OpenFlags.toWire(flags))).as(OpenFlags.toWire(flags)).isEqualTo(flags);
        }
        assertThat(OpenFlags.toWire(O_WRONLY | OpenFlags.O_SYNC)).isEqualTo("1052673 O_WRONLY|O_SYNC");
    }

    @Test
    void writeIntent() {
        assertThat(OpenFlags.wantsWrite(O_RDONLY)).isFalse();
        assertThat(OpenFlags.wantsWrite(O_RDONLY | O_CREAT)).isTrue();
        assertThat(OpenFlags.wantsWrite(O_WRONLY)).isTrue();
        assertThat(OpenFlags.wantsWrite(O_RDWR)).isTrue();
    }
}
