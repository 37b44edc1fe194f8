package org.rmt411.server.logging;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/** The text of a record on one line: message, then the exception's one-line summary. */
final class Lines {
    private static final Formatter MESSAGES = new SimpleFormatter();

    private Lines() {
    }

    static String text(LogRecord record) {
        String message = MESSAGES.formatMessage(record);
        if (record.getThrown() != null) {
            message += ": " + record.getThrown();
        }
        // One record, one line: grep and journald both count lines.
        return message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
