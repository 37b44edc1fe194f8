package org.rmt411.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** What System.err becomes when stderr is not the log, and the line format of the log. */
class LogLinesTest {
    @Test
    void eachPrintedLineBecomesOneTimestampedRecord() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        LineHandler handler = new LineHandler(file);
        PrintStream err = new PrintStream(new LogLines(handler, Level.SEVERE, "stderr"), true, StandardCharsets.UTF_8);
        err.println("rmt-server: --root /x: Permission denied");
        err.print("Exception in thread \"main\" java.lang.OutOfMemoryError\r\n\n");
        err.print("unfinished");
        String[] lines = file.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertThat(lines).as("the unfinished line waits for its newline").hasSize(3).endsWith("");
        assertThat(lines[0]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"
                + " rmt-server SEVERE: --root /x: Permission denied");
        assertThat(lines[1]).endsWith(" rmt-server SEVERE: Exception in thread \"main\" java.lang.OutOfMemoryError");
    }

    @Test
    void aRecordIsAlwaysOneLine() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        java.util.logging.LogRecord record = new java.util.logging.LogRecord(Level.WARNING, "two\nlines");
        record.setThrown(new java.io.IOException("broken\npipe"));
        new LineHandler(file).publish(record);
        assertThat(file.toString(StandardCharsets.UTF_8)).endsWith(" rmt-server WARNING: two lines:"
                + " java.io.IOException: broken pipe\n").hasLineCount(1);
    }
}
