package org.rmt411.client.tar.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DumpdirTest {
    @Test
    void parsesAndEncodesGnuTarsForm() {
        Dumpdir d = Dumpdir.parse("Ddir3\0Ynew\0Nold\0Rt/dir2\0Tt/dir3\0\0");
        assertThat(d.entries()).hasSize(5);
        assertThat(d.member("new")).contains(new Dumpdir.Entry('Y', "new"));
        assertThat(d.member("t/dir2")).isEmpty();
        assertThat(d.encoded()).isEqualTo("Ddir3\0Ynew\0Nold\0Rt/dir2\0Tt/dir3\0\0");
        assertThat(d.membersOnly().encoded()).isEqualTo("Ddir3\0Ynew\0Nold\0\0");
        assertThat(d.problem()).isEmpty();
    }

    @Test
    void anEmptyFolderEncodesAsOneNul() {
        assertThat(new Dumpdir(List.of()).encoded()).isEqualTo("\0");
        assertThat(Dumpdir.parse("\0").entries()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Ra~Yb~|expected 'T' but found 0131",
        "Ta~|'T' not preceded by 'R'",
        "Ra~|expected 'T' but found end of data",
        "R~Ta~|empty name in 'R'",
        "Ra~T~|empty name in 'T'",
        "X.~X.~|'X' duplicated",
    })
    void gnuTarsDumpdirChecks(String encoded, String problem) {
        assertThat(Dumpdir.parse(encoded.replace('~', '\0')).problem()).contains(problem);
    }

    @Test
    void namesSortByTheirBytesAsStrcmp() {
        assertThat(Dumpdir.compareNames("B", "a")).isNegative();
        assertThat(Dumpdir.compareNames("\uFF01", "\uD83D\uDE00")).isNegative(); // UTF-16 order says otherwise
    }
}
