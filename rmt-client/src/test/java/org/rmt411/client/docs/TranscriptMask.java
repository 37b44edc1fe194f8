package org.rmt411.client.docs;

import java.util.regex.Pattern;

/**
 * Hides what may differ between two honest runs of docs/tutorial/regenerate.sh: log timestamps,
 * TCP ports and process ids. The script already normalises them; this is the comparison's second
 * line of defence, so a value the script missed shows up as a masked token, not as a spurious
 * "out of date".
 */
final class TranscriptMask {
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Pattern PORT = Pattern.compile("(127\\.0\\.0\\.1|localhost|\\]):\\d{2,5}\\b");
    private static final Pattern PID = Pattern.compile("\\bpid \\d+");
    private static final Pattern DURATION = Pattern.compile("\\b(duration|time)=\\d+(\\.\\d+)?m?s\\b");

    private TranscriptMask() {
    }

    /** The text with every volatile value replaced by a fixed token. */
    static String mask(String text) {
        String masked = TIMESTAMP.matcher(text).replaceAll("<time>");
        masked = PORT.matcher(masked).replaceAll("$1:<port>");
        masked = PID.matcher(masked).replaceAll("pid <pid>");
        return DURATION.matcher(masked).replaceAll("$1=<duration>");
    }
}
