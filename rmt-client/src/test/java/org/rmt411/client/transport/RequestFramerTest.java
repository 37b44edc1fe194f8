package org.rmt411.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFramerTest {
    private static RequestFramer framer(String wire) {
        return new RequestFramer(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String head(RequestFrame f) {
        return new String(f.head(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void cutsEachRequestAsServersFrameItKeepingItsBytes() throws IOException {
        RequestFramer f = framer("O/dev/nst0\n577\nW3\nabcR10240\nL0\n1\nI6\n1\nC\n");
        RequestFrame open = f.next();
        assertThat(open.letter()).isEqualTo('O');
        assertThat(head(open)).isEqualTo("O/dev/nst0\n577\n");
        RequestFrame write = f.next();
        assertThat(write.isWrite()).isTrue();
        assertThat(write.count()).isEqualTo(3);
        assertThat(head(write)).isEqualTo("W3\n");
        // The framer leaves the payload to the caller: skip it as the relay does.
        RequestFramer rest = framer("R10240\nL0\n1\nI6\n1\nC\n");
        assertThat(rest.next().count()).isEqualTo(10240);
        assertThat(head(rest.next())).isEqualTo("L0\n1\n");
        assertThat(head(rest.next())).isEqualTo("I6\n1\n");
        assertThat(head(rest.next())).isEqualTo("C\n");
        assertThat(rest.next()).isNull();
    }

    @Test
    void aNewlineAfterBareStatusTravelsWithTheNextRequest() throws IOException {
        RequestFramer f = framer("S\nsTC\n");
        assertThat(head(f.next())).isEqualTo("S");
        RequestFrame field = f.next();
        assertThat(field.letter()).isEqualTo('s');
        assertThat(head(field)).isEqualTo("\nsT");
        assertThat(head(f.next())).isEqualTo("C\n");
    }

    @Test
    void unknownLettersAndBadCountsEndFraming() throws IOException {
        assertThat(framer("X\n").next().unknown()).isTrue();
        RequestFrame bad = framer("Wabc\n").next();
        assertThat(bad.unknown()).isTrue();
        assertThat(head(bad)).isEqualTo("Wabc\n");
        assertThat(framer("O/cut-short").next().unknown()).isTrue();
    }
}
