package org.rmt411.server.access;

import java.util.regex.Pattern;

/**
 * A device-name pattern, as shells and rsync write them: {@code *} and {@code ?} stay inside one
 * path segment, {@code **} crosses segments ({@code /backups/**} is everything below
 * {@code /backups}). Patterns are absolute, as the names they are matched against.
 *
 * @param text the pattern as written
 */
public record DeviceGlob(String text, Pattern regex) {
    /** Compiles {@code text}; it must start with {@code /}. */
    public static DeviceGlob parse(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("'" + text + "' does not start with / (patterns are absolute)");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new DeviceGlob(text, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** Whether the whole of {@code name} matches. */
    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceGlob && ((DeviceGlob) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
