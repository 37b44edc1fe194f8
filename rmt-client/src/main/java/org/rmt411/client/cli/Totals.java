package org.rmt411.client.cli;

import java.util.Locale;

/**
 * GNU tar's {@code --totals} line: {@code Total bytes written: 10240 (10KiB, 58MiB/s)}, sizes in
 * powers of 1024 with one decimal below ten, as tar's human_readable prints them.
 */
final class Totals {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Totals() {
    }

    /** The line for {@code bytes} written in {@code nanos}. */
    static String line(long bytes, long nanos) {
        double seconds = Math.max(nanos, 1) / 1e9;
        return "Total bytes written: " + bytes + " (" + human(bytes) + ", " + human(bytes / seconds) + "/s)";
    }

    static String human(double amount) {
        int unit = 0;
        while (amount >= 1024 && unit < UNITS.length - 1) {
            amount /= 1024;
            unit++;
        }
        double tenths = Math.ceil(amount * 10) / 10;
        if (unit > 0 && tenths < 10) {
            return String.format(Locale.ROOT, "%.1f%s", tenths, UNITS[unit]);
        }
        return String.format(Locale.ROOT, "%d%s", (long) Math.ceil(amount), UNITS[unit]);
    }
}
