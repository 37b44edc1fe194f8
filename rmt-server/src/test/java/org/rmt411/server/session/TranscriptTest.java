package org.rmt411.server.session;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The byte-exact transcripts of GNU rmt 1.34 ({@code g*}) and dump's rmt ({@code d*}) from
 * shared/reference, replayed against rmt411: where we match that server the replies must be
 * identical; where rmt411 deliberately differs the expected bytes are spelled out with the
 * reason.
 */
class TranscriptTest {
    private static final String TEN = "0123456789";

    /** Setup each case ran with in generate.py: the content of /tmp/rmtgold/f, or null. */
    private static final Map<String, String> SETUP = Map.ofEntries(
            Map.entry("g04", "old contents"), Map.entry("g05", "old contents"), Map.entry("g14", "hello"),
            Map.entry("g33", "old"), Map.entry("g39", "hello"), Map.entry("g40", "hello"), Map.entry("g41", "hello"),
            Map.entry("d08", "hello"));
    private static final String[] NO_SETUP = {"g01", "g02", "g03", "g06", "g07", "g08", "g09", "g15", "g16", "g19",
        "g20", "g22", "g31", "g32", "g38", "d01", "d02", "d06", "d11"};

    /** Deliberate differences: case → expected rmt411 reply and why. */
    private static final Map<String, String[]> DIFFERENT = Map.ofEntries(
            Map.entry("g11", new String[] {"A0\nA1\nA2\nA3\nA4\nA10\nA10\nE22\nInvalid seek direction\nA0\n",
                "both L lines are always consumed, so a bad whence costs one E22, not the session"}),
            Map.entry("g12", new String[] {"A0\nA0\nA1\n0A5\nA1\n5A0\n",
                "offset-first L (tar 1.34, dump, BSD) is understood: L0,1 is tell, L5,0 seeks to 5"}),
            Map.entry("g17", new String[] {"A0\nE25\nInappropriate ioctl for device\nA1\nA0\n",
                "I-1 is the RMT V1 handshake (star, dump) and answers A1"}),
            Map.entry("g18", new String[] {"A0\nE25\nInappropriate ioctl for device\nE25\nInappropriate ioctl for device\n"
                + "E22\nGarbage command\n", "S needs no newline (BSD, dump, GNU mt <2024), so Sx is S then garbage x"}),
            Map.entry("g19", new String[] {"A0\nE5\nPremature eof\n",
                "no unsolicited reply after end of input"}),
            Map.entry("g21", new String[] {"A0\nE22\nByte count out of range\nE22\nInvalid byte count\n"
                + "E22\nInvalid byte count\nE22\nByte count out of range\n", "no stale errno: an empty count is invalid"}),
            Map.entry("g22", new String[] {"A0\nE22\nByte count out of range\n",
                "counts above the record maximum are refused before any allocation; W then closes"}),
            Map.entry("g23", new String[] {"A0\nA0\nE9\nBad file descriptor\nA0\n",
                "C keeps the session: dump closes and re-opens on one connection"}),
            Map.entry("g24", new String[] {"A0\n", "end of input closes the device quietly"}),
            Map.entry("g25", new String[] {"A0\nE22\nInvalid operation code\nA0\n",
                "both I lines are always consumed"}),
            Map.entry("g26", new String[] {"A0\nA0\nA0\nE22\nByte count out of range\n",
                "W0 writes nothing and answers A0 (as BSD rmt); no stale errno"}),
            Map.entry("g28", new String[] {"A0\nA2\n", "V is FreeBSD's and dump's version probe, answered A2"}),
            Map.entry("g29", new String[] {"A0\nE25\nInappropriate ioctl for device\nA5\n01234",
                "bare S is complete; the R5 after it is a request of its own"}),
            Map.entry("g33", new String[] {"A0\nA0\nA1\nA0\n", "64|512 (the rmt(8) example) is accepted"}),
            Map.entry("g34", new String[] {"A0\nE22\nInvalid byte count\nA0\n", "an empty count is invalid"}),
            Map.entry("g35", new String[] {"A0\nE22\nByte count out of range\n", "refused before allocation"}),
            Map.entry("g36", new String[] {"A0\nE22\nInvalid seek direction\nA0\n", "both L lines consumed"}),
            Map.entry("g39", new String[] {"E13\nPermission denied\nE9\nBad file descriptor\nE9\nBad file descriptor\n",
                "a NUL in a device name is refused rather than silently cutting the name"}),
            Map.entry("d01", new String[] {"A0\nA0\nA0\nA2\nA0\n",
                "numeric flags are Linux flags: 577 creates and truncates (dump masks to O_ACCMODE)"}),
            Map.entry("d03", new String[] {"A0\nA3\nA2\n34A5\nA8\nA2\n89A7\nA0\n",
                "L0,7: 7 cannot be a whence, so it is the offset (whence-first)"}),
            Map.entry("d06", new String[] {"E22\nGarbage command\n", "an unknown command is answered before closing"}),
            Map.entry("d07", new String[] {"A0\nA0\n", "W0 answers A0"}),
            Map.entry("d09", new String[] {"A0\nE25\nInappropriate ioctl for device\nA1\n0",
                "S⏎ (GNU clients since 2024) is S; the newline is not a garbage command"}),
            Map.entry("d11", new String[] {"A0\nE9\nBad file descriptor\n",
                "a 70-byte name is a name (capped at 4096), not split at 63 bytes; R on write-only is EBADF"}));

    static Stream<Arguments> cases() {
        return Stream.of("g01", "g02", "g03", "g04", "g05", "g06", "g07", "g08", "g09", "g10", "g11", "g12", "g13",
                "g14", "g15", "g16", "g17", "g18", "g19", "g20", "g21", "g22", "g23", "g24", "g25", "g26", "g27",
                "g28", "g29", "g30", "g31", "g32", "g33", "g34", "g35", "g36", "g37", "g38", "g39", "g40", "g41",
                "g42", "g43", "d01", "d02", "d03", "d04", "d05", "d06", "d07", "d08", "d09", "d10", "d11")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replay(String id) throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            java.nio.file.Files.createDirectories(h.root.resolve("tmp/rmtgold"));
            if (!java.util.Arrays.asList(NO_SETUP).contains(id)) {
                h.file("tmp/rmtgold/f", SETUP.getOrDefault(id, TEN));
            }
            String reply = h.run(resource(id, ".in"));
            String[] different = DIFFERENT.get(id);
            if (different == null) {
                assertThat(reply).as(id + " matches the reference server byte for byte")
                        .isEqualTo(resource(id, ".out"));
            } else {
                assertThat(reply).as(id + ": " + different[1]).isEqualTo(different[0]);
                assertThat(reply).as(id + " differs from the reference on purpose").isNotEqualTo(resource(id, ".out"));
            }
        }
    }

    private static String resource(String id, String suffix) throws IOException {
        String dir = "/org/rmt411/server/session/transcripts/";
        try (InputStream list = TranscriptTest.class.getResourceAsStream(dir)) {
            String names = new String(list.readAllBytes(), ISO_8859_1);
            for (String name : names.split("\n")) {
                if (name.startsWith(id + "-") && name.endsWith(suffix)) {
                    try (InputStream in = TranscriptTest.class.getResourceAsStream(dir + name)) {
                        return new String(in.readAllBytes(), ISO_8859_1);
                    }
                }
            }
        }
        throw new IllegalStateException("no transcript " + id + suffix);
    }
}
