package org.rmt411.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LineHandlerTest {
    private final TimeZone saved = TimeZone.getDefault();

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(saved);
    }

    @Test
    void timestampsMatchTheZoneRulesInSummerWinterAndUtc() {
        for (String zone : new String[] {"UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kolkata"}) {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            DateTimeFormatter rules = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
                    .withZone(ZoneId.of(zone));
            for (String at : new String[] {"2026-01-15T12:00:00.007Z", "2026-07-01T23:59:59.999Z",
                    "2026-03-29T01:30:00Z", "1999-12-31T23:00:00.500Z"}) {
                Instant instant = Instant.parse(at);
                assertThat(LineHandler.timestamp(instant)).as(zone + " " + at).isEqualTo(rules.format(instant));
            }
        }
    }

    @Test
    void utcIsWrittenWithZ() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        assertThat(LineHandler.timestamp(Instant.parse("2026-12-01T10:16:24.123Z")))
                .isEqualTo("2026-12-01T10:16:24.123Z");
    }
}
