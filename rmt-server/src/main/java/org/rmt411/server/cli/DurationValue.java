package org.rmt411.server.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations on the command line as admins write them in unit files and crontabs: {@code 90s},
 * {@code 15m}, {@code 1h}, {@code 2h30m}, {@code 500ms}, a bare number of seconds, or ISO-8601
 * ({@code PT15M}); {@code 0}, {@code off} and {@code none} turn the limit off.
 */
final class DurationValue {
    private static final Pattern PARTS = Pattern.compile("(\\d+)(ms|h|m|s|d)");
    static final String EXPECTED = "expected a duration such as 90s, 15m, 1h, 2h30m or 0 (off)";

    private DurationValue() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("none")) {
            return Duration.ZERO;
        }
        if (t.matches("\\d{1,12}")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                return nonNegative(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(text + ": " + EXPECTED, e);
            }
        }
        Matcher m = PARTS.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            total = total.plus(part(Long.parseLong(m.group(1)), m.group(2)));
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            throw new IllegalArgumentException(text + ": " + EXPECTED);
        }
        return total;
    }

    private static Duration part(long n, String unit) {
        switch (unit) {
            case "ms":
                return Duration.ofMillis(n);
            case "s":
                return Duration.ofSeconds(n);
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            default:
                return Duration.ofDays(n);
        }
    }

    private static Duration nonNegative(Duration d, String text) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(text + ": " + EXPECTED);
        }
        return d;
    }

    /** How the value reads back in messages and {@code --help}: {@code 1h}, {@code 90s}, {@code off}. */
    static String format(Duration d) {
        if (d.isZero()) {
            return "off";
        }
        if (d.toMillisPart() != 0 || d.getNano() % 1_000_000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
