package org.rmt411.client.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;

/** Where the console's commands come from: a terminal with line editing, or a piped script. */
public interface LineSource extends AutoCloseable {
    /** The next command line, or {@code null} at the end. */
    String next() throws IOException;

    /** Where the console writes; a terminal's own writer keeps the prompt and output in order. */
    PrintWriter out();

    /** True when the console should echo each line read (a script's transcript shows its commands). */
    boolean echo();

    @Override
    void close() throws IOException;

    /** Lines from a script, with each command echoed after the prompt so transcripts read as sessions. */
    static LineSource plain(Reader in, PrintWriter out) {
        BufferedReader reader = new BufferedReader(in);
        return new LineSource() {
            @Override
            public String next() throws IOException {
                return reader.readLine();
            }

            @Override
            public PrintWriter out() {
                return out;
            }

            @Override
            public boolean echo() {
                return true;
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }
}
