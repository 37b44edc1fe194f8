package org.rmt411.client.console;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * C-style escapes both ways: what a student types in {@code raw "O/dev/nst0\n2\n"} becomes bytes,
 * and every byte on the wire is shown so that it could be typed back.
 */
final class Escapes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Escapes() {
    }

    /**
     * The bytes {@code text} stands for: {@code \n \r \t \0 \\ \" \xHH} and octal {@code \NNN}.
     *
     * @throws IllegalArgumentException naming the bad escape
     */
    static byte[] parse(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (++i == text.length()) {
                throw new IllegalArgumentException("a lone \\ at the end");
            }
            char e = text.charAt(i);
            switch (e) {
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case '\\', '"', '\'' -> out.write(e);
                case 'x' -> {
                    int end = Math.min(text.length(), i + 3);
                    String hex = text.substring(i + 1, end);
                    if (!hex.matches("[0-9a-fA-F]{2}")) {
                        throw new IllegalArgumentException("\\x needs two hex digits");
                    }
                    out.write(Integer.parseInt(hex, 16));
                    i += 2;
                }
                default -> {
                    if (e < '0' || e > '7') {
                        throw new IllegalArgumentException("unknown escape \\" + e);
                    }
                    int end = i;
                    while (end < text.length() && end < i + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                        end++;
                    }
                    out.write(Integer.parseInt(text.substring(i, end), 8) & 0xff);
                    i = end - 1;
                }
            }
        }
        return out.toByteArray();
    }

    /** {@code bytes[off, off+len)} quoted with escapes for anything not printable ASCII. */
    static String show(byte[] bytes, int off, int len) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = off; i < off + len; i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case '\\' -> s.append("\\\\");
                case '"' -> s.append("\\\"");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        s.append((char) b);
                    } else {
                        s.append("\\x").append(HEX[b >> 4]).append(HEX[b & 15]);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /** A payload summarised: its length and its first bytes in hex, never the whole. */
    static String payload(byte[] bytes, int len) {
        int shown = Math.min(len, 16);
        StringBuilder s = new StringBuilder().append(len).append(" payload bytes");
        if (shown > 0) {
            s.append(':');
            for (int i = 0; i < shown; i++) {
                s.append(' ').append(HEX[(bytes[i] & 0xff) >> 4]).append(HEX[bytes[i] & 15]);
            }
            if (len > shown) {
                s.append(" ...");
            }
        }
        return s.toString();
    }
}
