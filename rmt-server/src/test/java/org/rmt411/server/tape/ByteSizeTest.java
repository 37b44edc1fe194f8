package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
    @Test
    void parsesPowersOf1024() {
        assertThat(ByteSize.parse("1048576")).isEqualTo(1 << 20);
        assertThat(ByteSize.parse("64K")).isEqualTo(64 << 10);
        assertThat(ByteSize.parse("512m")).isEqualTo(512L << 20);
        assertThat(ByteSize.parse("8GiB")).isEqualTo(8L << 30);
        assertThat(ByteSize.parse("1TB")).isEqualTo(1L << 40);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> ByteSize.parse("big")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSize.parse("-1K")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSize.parse("99999999999T")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsTheLargestWholeUnit() {
        assertThat(ByteSize.format(8L << 30)).isEqualTo("8G");
        assertThat(ByteSize.format(1536L << 10)).isEqualTo("1536K");
        assertThat(ByteSize.format(1000)).isEqualTo("1000");
    }
}
