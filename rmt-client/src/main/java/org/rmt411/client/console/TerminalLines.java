package org.rmt411.client.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive console on a real terminal, through JLine: line editing, history (Up, Down,
 * Ctrl-R) for the session, and Tab completion of command names and their keywords.
 * Ctrl-C abandons the line being typed; Ctrl-D on an empty line ends the console.
 */
public final class TerminalLines implements LineSource {
    private final Terminal terminal;
    private final LineReader reader;

    private TerminalLines(Terminal terminal) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder().appName("rmt411 console").terminal(terminal)
                .completer(new Keywords()).build();
    }

    /**
     * The process's own terminal. JLine's probe for grapheme clusters is switched off: it asks the
     * terminal a question at start-up, and an answer that comes after JLine stopped waiting (a
     * loaded machine, a slow ssh link; seen under tmux) lands in the first line typed as
     * {@code ^[[?1;2c}. rmt commands are ASCII, so nothing is lost.
     */
    public static TerminalLines system() throws IOException {
        return new TerminalLines(TerminalBuilder.builder().system(true).graphemeCluster(false).build());
    }

    @Override
    public String next() {
        while (true) {
            try {
                return reader.readLine(Console.PROMPT);
            } catch (UserInterruptException e) {
                // Ctrl-C drops the line, as a shell does; the session stays open.
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    @Override
    public PrintWriter out() {
        return terminal.writer();
    }

    @Override
    public boolean echo() {
        return false;
    }

    @Override
    public void close() throws IOException {
        terminal.writer().flush();
        terminal.close();
    }

    /** Completes the command word from {@link Commands#USAGE}, then the keywords each command takes. */
    private static final class Keywords implements Completer {
        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            List<String> choices = line.wordIndex() == 0 ? List.copyOf(Commands.USAGE.keySet())
                    : Console.keywords(line.words().get(0), line.wordIndex());
            for (String choice : choices) {
                candidates.add(new Candidate(choice));
            }
        }
    }
}
