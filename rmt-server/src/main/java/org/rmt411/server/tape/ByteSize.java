package org.rmt411.server.tape;

import java.util.Locale;

/** Byte counts as operators write them: {@code 1048576}, {@code 64K}, {@code 512M}, {@code 8G} (powers of 1024). */
public final class ByteSize {
    private ByteSize() {
    }

    /**
     * Parses a size.
     *
     * @throws IllegalArgumentException for anything else, or a negative size
     */
    public static long parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = 0;
        if (!t.isEmpty() && "KMGT".indexOf(t.charAt(t.length() - 1)) >= 0) {
            shift = 10 * ("KMGT".indexOf(t.charAt(t.length() - 1)) + 1);
            t = t.substring(0, t.length() - 1);
        }
        try {
            long value = Long.parseLong(t.trim());
            if (value < 0 || (shift > 0 && value > (Long.MAX_VALUE >> shift))) {
                throw new IllegalArgumentException("size out of range: " + text);
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: " + text + " (examples: 1048576, 64K, 512M, 8G)", e);
        }
    }

    /** A short human form: {@code 8G}, {@code 64K}, or plain bytes. */
    public static String format(long bytes) {
        String[] units = {"T", "G", "M", "K"};
        for (int i = 0; i < units.length; i++) {
            int shift = 10 * (units.length - i);
            if (bytes > 0 && bytes % (1L << shift) == 0) {
                return (bytes >> shift) + units[i];
            }
        }
        return Long.toString(bytes);
    }
}
