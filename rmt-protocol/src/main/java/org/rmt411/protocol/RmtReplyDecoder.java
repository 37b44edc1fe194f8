package org.rmt411.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads rmt replies on the client side, trusting nothing: a line over
 * {@value #MAX_REPLY_LINE} bytes, a non-numeric value, or an unknown letter is a
 * {@link RmtProtocolException} (the connection must then be dropped), and payload reads are
 * bounded by what the caller asked for, never by the server's number (the CVE-2010-0624 class).
 */
public final class RmtReplyDecoder {
    /** Longest reply line accepted (GNU rtapelib's COMMAND_BUFFER_SIZE). */
    public static final int MAX_REPLY_LINE = 64;
    /** Longest error text accepted; longer texts are consumed to their newline but cut. */
    public static final int MAX_ERROR_TEXT = 1024;

    private final WireInput in;

    /** A decoder reading from {@code in}. */
    public RmtReplyDecoder(InputStream in) {
        this.in = new WireInput(in, 64 * 1024);
    }

    /**
     * Reads one reply line (and the text line of an error).
     *
     * @throws EOFException if the server closed the connection
     * @throws RmtProtocolException for anything malformed
     */
    public RmtReply next() throws IOException {
        int letter = in.read();
        // GNU rtapelib skips spaces before the letter; so do we, within the line cap.
        for (int spaces = 0; letter == ' ' && spaces < MAX_REPLY_LINE; spaces++) {
            letter = in.read();
        }
        if (letter < 0) {
            throw new EOFException("rmt server closed the connection");
        }
        String line = in.readLine(MAX_REPLY_LINE);
        if (line == WireInput.OVERLONG) {
            throw new RmtProtocolException("reply line longer than " + MAX_REPLY_LINE + " bytes");
        }
        long value = value(line);
        switch (letter) {
            case 'A':
                return new RmtReply.Ack(value);
            case 'E':
            case 'F':
                String text = in.readLine(MAX_ERROR_TEXT);
                if (text == WireInput.OVERLONG) {
                    text = "(error text longer than " + MAX_ERROR_TEXT + " bytes)";
                }
                return new RmtReply.Failure((int) Math.min(value, Integer.MAX_VALUE), text, letter == 'F');
            default:
                throw new RmtProtocolException("reply starts with 0x" + Integer.toHexString(letter)
                        + ", not A, E or F");
        }
    }

    /**
     * Reads exactly {@code len} payload bytes.
     *
     * @throws EOFException if the server closed the connection first
     */
    public void readPayload(byte[] dst, int off, int len) throws IOException {
        if (in.readFully(dst, off, len) != len) {
            throw new EOFException("rmt server closed the connection inside a payload");
        }
    }

    private static long value(String line) throws RmtProtocolException {
        // Leading spaces are tolerated as above; nothing else is. A sign is allowed here
        // because s<c> answers -1 for an unknown file or block number; callers that expect a
        // byte count check the sign themselves.
        String t = line.stripLeading();
        String digits = t.startsWith("-") ? t.substring(1) : t;
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RmtProtocolException("reply value is not a number: " + escape(line));
        }
        return Long.parseLong(t);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }
}
