package org.rmt411.protocol;

/** Parsing and formatting of the decimal numbers on rmt lines, shared by both decoders. */
final class WireNumbers {
    private WireNumbers() {
    }

    /**
     * Parses a decimal number with optional surrounding blanks and an optional sign, the forms
     * GNU rmt's {@code strtoumax} accepts (tar ≥1.35 and dump send plain digits or {@code -n}).
     *
     * @throws NumberFormatException for anything else, including overflow of a long
     */
    static long parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new NumberFormatException("empty number");
        }
        int start = (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
        if (start == t.length()) {
            throw new NumberFormatException("sign without digits");
        }
        for (int i = start; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a digit: " + c);
            }
        }
        return Long.parseLong(t.charAt(0) == '+' ? t.substring(1) : t);
    }

    /** Writes {@code letter}, the decimal value and {@code \n} into {@code dst}; returns the length. */
    static int formatLine(byte[] dst, char letter, long value) {
        int n = 0;
        dst[n++] = (byte) letter;
        if (value == 0) {
            dst[n++] = '0';
        } else {
            String s = Long.toString(value);
            for (int i = 0; i < s.length(); i++) {
                dst[n++] = (byte) s.charAt(i);
            }
        }
        dst[n++] = '\n';
        return n;
    }
}
