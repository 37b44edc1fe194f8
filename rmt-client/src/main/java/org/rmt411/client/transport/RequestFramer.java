package org.rmt411.client.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a stock client's request stream into {@link RequestFrame}s by the same framing rmt
 * servers use (lines per letter; {@code S} and {@code s<c>} without a newline), keeping the raw
 * bytes. A newline right after a bare {@code S} belongs to it (GNU mt and tar since 2024 send
 * {@code S⏎}); it is sent along with the following request, because the client waits for the
 * status before sending anything else. Anything else (an unknown letter, an over-long line, a
 * count that is not a number) ends framing: the frame is marked unknown.
 */
final class RequestFramer {
    /** Longest line taken: PATH_MAX plus room; longer is no rmt request any server accepts. */
    private static final int MAX_LINE = 8192;

    private final InputStream in;
    private boolean afterBareStatus;

    RequestFramer(InputStream in) {
        this.in = in;
    }

    /** The next frame, or {@code null} at end of input on a request boundary. */
    RequestFrame next() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c = in.read();
        if (c == '\n' && afterBareStatus) {
            head.write(c);
            c = in.read();
        }
        afterBareStatus = false;
        if (c < 0) {
            return head.size() == 0 ? null : new RequestFrame((char) 0, head.toByteArray(), 0);
        }
        head.write(c);
        int lines;
        switch (c) {
            case 'O', 'L', 'I', 'i' -> lines = 2;
            case 'C', 'R', 'W', 'v', 'V' -> lines = 1;
            case 'S' -> {
                afterBareStatus = true;
                return new RequestFrame('S', head.toByteArray(), 0);
            }
            case 's' -> {
                int field = in.read();
                if (field < 0) {
                    return new RequestFrame((char) 0, head.toByteArray(), 0);
                }
                head.write(field);
                return new RequestFrame('s', head.toByteArray(), 0);
            }
            default -> {
                return new RequestFrame((char) 0, head.toByteArray(), 0);
            }
        }
        String first = null;
        for (int i = 0; i < lines; i++) {
            String line = line(head);
            if (line == null) {
                return new RequestFrame((char) 0, head.toByteArray(), 0);
            }
            first = first == null ? line : first;
        }
        long count = 0;
        if (c == 'R' || c == 'W') {
            try {
                count = Long.parseLong(first.trim());
            } catch (NumberFormatException e) {
                return new RequestFrame((char) 0, head.toByteArray(), 0);
            }
            if (count < 0 || count > Integer.MAX_VALUE) {
                return new RequestFrame((char) 0, head.toByteArray(), 0);
            }
        }
        return new RequestFrame((char) c, head.toByteArray(), count);
    }

    /** Reads one line into {@code head}; its text without the newline, or null if cut or too long. */
    private String line(ByteArrayOutputStream head) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < MAX_LINE; n++) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            head.write(c);
            if (c == '\n') {
                return text.toString();
            }
            text.append((char) c);
        }
        return null;
    }
}
