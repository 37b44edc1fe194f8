package org.rmt411.server.session;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random and mutated request streams: the session always ends, never throws, and every reply it
 * sends is well-formed ({@code A<n>} or {@code E<n>⏎text}).
 */
class GarbageInputTest {
    private static final String[] PIECES = {"O/f\n", "577 O_WRONLY|O_CREAT|O_TRUNC\n", "0\n", "W5\nhello", "R5\n",
        "L0\n1\n", "L-3\n2\n", "I6\n1\n", "I-1\n0\n", "i4\n1\n", "S", "S\n", "sF", "C\n", "V0\n", "W999999999\n",
        "R-1\n", "O/../x\n", "\n", "O/dev/fake\n0\n", "L\n\n", "64|512\n"};

    @Test
    @Timeout(60)
    void randomStreamsEndCleanlyWithWellFormedReplies() throws IOException {
        Random random = new Random(411);
        for (int round = 0; round < 300; round++) {
            StringBuilder request = new StringBuilder();
            int pieces = 1 + random.nextInt(20);
            for (int i = 0; i < pieces; i++) {
                String piece = PIECES[random.nextInt(PIECES.length)];
                if (random.nextInt(5) == 0) {
                    char[] chars = piece.toCharArray();
                    chars[random.nextInt(chars.length)] = (char) random.nextInt(256);
                    piece = new String(chars);
                }
                request.append(piece);
            }
            try (SessionHarness h = new SessionHarness()) {
                h.provider(new RecordingTape());
                String reply = h.run(request.toString());
                assertWellFormed(reply, request.toString());
            }
        }
    }

    private static void assertWellFormed(String reply, String request) {
        byte[] bytes = reply.getBytes(ISO_8859_1);
        int i = 0;
        while (i < bytes.length) {
            char letter = (char) bytes[i];
            assertThat(letter).as("reply letter in %s for %s", reply, request).isIn('A', 'E');
            int nl = reply.indexOf('\n', i);
            assertThat(nl).as(reply).isPositive();
            long value = Long.parseLong(reply.substring(i + 1, nl));
            i = nl + 1;
            if (letter == 'E') {
                i = reply.indexOf('\n', i) + 1;
                assertThat(i).as(reply).isPositive();
            } else if (value > 0 && i < bytes.length && looksLikePayload(reply, i)) {
                i += (int) value;
            }
        }
    }

    /** After an A the bytes are payload (R, S) unless the next reply line starts right there. */
    private static boolean looksLikePayload(String reply, int at) {
        char c = reply.charAt(at);
        return !((c == 'A' || c == 'E') && at + 1 < reply.length() && (Character.isDigit(reply.charAt(at + 1))
                || reply.charAt(at + 1) == '-'));
    }
}
