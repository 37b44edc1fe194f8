package org.rmt411.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationValueTest {
    @Test
    void readsTheFormsAdminsWrite() {
        assertThat(DurationValue.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationValue.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationValue.parse("2h30m")).isEqualTo(Duration.ofMinutes(150));
        assertThat(DurationValue.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationValue.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(DurationValue.parse("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(DurationValue.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationValue.parse("0")).isZero();
        assertThat(DurationValue.parse("off")).isZero();
    }

    @Test
    void refusesAnythingElseNamingTheValue() {
        for (String bad : new String[] {"", "soon", "5 m", "-5s", "5x", "m5", "PT-1S", "1h-"}) {
            assertThatThrownBy(() -> DurationValue.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(bad + ": expected a duration");
        }
    }

    @Test
    void formatsBackShortly() {
        assertThat(DurationValue.format(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(DurationValue.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationValue.format(Duration.ofMinutes(15))).isEqualTo("15m");
        assertThat(DurationValue.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationValue.format(Duration.ZERO)).isEqualTo("off");
    }
}
