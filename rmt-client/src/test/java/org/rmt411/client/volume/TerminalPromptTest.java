package org.rmt411.client.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalPromptTest {
    private final StringWriter shown = new StringWriter();

    private TerminalPrompt prompt(String typed) {
        return new TerminalPrompt("tapehost:/dev/nst0", new BufferedReader(new StringReader(typed)),
                new PrintWriter(shown));
    }

    private static VolumeRequest request(VolumeRequest.Subcommand subcommand) {
        return new VolumeRequest(2, "/dev/nst0", subcommand, 20, () -> { });
    }

    @Test
    void returnGoesOnWithTheSameDriveAfterGnuTarsPrompt() throws Exception {
        assertThat(prompt("\n").prepare(request(VolumeRequest.Subcommand.CREATE))).isEqualTo("/dev/nst0");
        assertThat(shown.toString()).isEqualTo("\007Prepare volume #2 for 'tapehost:/dev/nst0' and hit return: ");
    }

    @Test
    void nNamesTheNextArchiveAndNonsenseIsAskedAgain() throws Exception {
        assertThat(prompt("what\n?\nn /dev/nst1\n").prepare(request(VolumeRequest.Subcommand.LIST)))
                .isEqualTo("/dev/nst1");
        assertThat(shown.toString()).contains("Invalid input. Type ? for help.", " n name ");
    }

    @Test
    void quitOrEndOfInputStopsAndSaysTheArchiveIsIncomplete() {
        assertThatThrownBy(() -> prompt("q\n").prepare(request(VolumeRequest.Subcommand.CREATE)))
                .hasMessage("No new volume; exiting. WARNING: Archive is incomplete");
        assertThatThrownBy(() -> prompt("").prepare(request(VolumeRequest.Subcommand.EXTRACT)))
                .hasMessage("EOF where user reply was expected");
    }
}
