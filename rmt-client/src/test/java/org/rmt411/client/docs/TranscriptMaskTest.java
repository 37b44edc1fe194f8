package org.rmt411.client.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscriptMaskTest {
    @Test
    void timestampsPortsPidsAndDurationsAreMasked() {
        String a = "2026-12-01T11:38:27.369Z [127.0.0.1:35646] pid 4711 duration=0.184s localhost:4110";
        String b = "2027-01-02T01:02:03.4Z [127.0.0.1:40112] pid 99 duration=12s localhost:36009";
        assertThat(TranscriptMask.mask(a)).isEqualTo(TranscriptMask.mask(b))
                .isEqualTo("<time> [127.0.0.1:<port>] pid <pid> duration=<duration> localhost:<port>");
    }

    @Test
    void whatATranscriptTeachesIsNotMasked() {
        // Counts, errno numbers and offsets are the lesson: a change in them must fail the check.
        assertThat(TranscriptMask.mask("W 10240\n  -> A10240\nE22\nL 10240 / 0"))
                .isEqualTo("W 10240\n  -> A10240\nE22\nL 10240 / 0");
        assertThat(TranscriptMask.mask("-> A10240")).isNotEqualTo(TranscriptMask.mask("-> A20480"));
    }
}
