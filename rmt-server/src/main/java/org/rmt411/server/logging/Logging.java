package org.rmt411.server.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Sets up logging first thing in {@code main}, before anything can print: chooses the
 * destination ({@link Destinations}), routes every logger there, and re-points
 * {@link System#err} (and {@link System#out} when it is a socket) so nothing reaches a
 * descriptor that may be the rmt connection.
 */
public final class Logging {
    private static final String MANAGER = "java.util.logging.manager";

    private Logging() {
    }

    /**
     * What start-up decided.
     *
     * @param err where start-up and usage errors go: stderr when it is usable, plus the log when
     *     that is elsewhere, so an operator at a terminal and the log file both see them
     * @param problem why the asked-for destination could not be used (then the automatic one is
     *     in use), or {@code null}
     */
    public record Started(PrintWriter err, String problem) {
    }

    /** Chooses the destination from {@code args} and the environment and installs it. */
    public static Started start(String... args) {
        return start(LogOptions.scan(args));
    }

    /**
     * Chooses the destination from {@code options} (the command line's, or the configuration
     * file's when the command line names none) and the environment and installs it.
     */
    public static Started start(LogOptions options) {
        return start(options, false);
    }

    /**
     * As {@link #start(LogOptions)}; {@code quiet} (the system rmt, {@code --rmt}) keeps log
     * records off stderr unless asked for: under ssh it is the user's terminal, where GNU rmt
     * prints nothing, so {@code auto} chooses the journal if journald runs, else nowhere.
     * Start-up errors still go to stderr, where the user sees why tar's open failed.
     */
    public static Started start(LogOptions options, boolean quiet) {
        if (System.getProperty(MANAGER) == null) {
            System.setProperty(MANAGER, "org.rmt411.server.logging.ServerLogManager");
        }
        Map<String, String> env = System.getenv();
        StandardError stderr = StandardError.probe(2);
        boolean stderrUsable = !stderr.socket() || stderr.isJournalStream(env.get("JOURNAL_STREAM"));
        String problem = null;
        LogDestination destination;
        Handler handler;
        try {
            // To the automatic choice, a quiet stderr looks like inetd's socket: not for records.
            boolean hideStderr = quiet && options.mode() == LogMode.AUTO && options.file() == null;
            destination = Destinations.choose(options, hideStderr ? new StandardError(true, 0, 0) : stderr, env);
            handler = destination.open();
        } catch (IllegalStateException | IOException e) {
            // What the operator asked for is an error; the automatic choice falls back quietly
            // (journald's socket there but refusing: stderr if usable, else nowhere).
            boolean automatic = options.equals(LogOptions.AUTO);
            problem = automatic ? null : describe(options, e);
            destination = !automatic ? Destinations.choose(LogOptions.AUTO, stderr, env)
                    : stderrUsable && !quiet ? new LogDestination.Stderr() : new LogDestination.None();
            handler = openOrNothing(destination);
        }
        install(handler);
        PrintStream log = new PrintStream(new LogLines(handler, Level.SEVERE, "stderr"), true, StandardCharsets.UTF_8);
        PrintStream console = redirect(destination, handler, log);
        return new Started(new PrintWriter(errors(destination, stderrUsable, console, log), true), problem);
    }

    /**
     * Points {@link System#err} at the log, and {@link System#out} too when fd 1 is a socket
     * (inetd's connection); returns what stderr prints should reach when it is usable.
     */
    private static PrintStream redirect(LogDestination destination, Handler handler, PrintStream log) {
        PrintStream console = System.err;
        if (destination instanceof LogDestination.Stderr) {
            // Plain prints and log lines through one descriptor: a file is then written at one
            // offset, not overwritten from its start by the other.
            console = new PrintStream(((LineHandler) handler).out(), true, StandardCharsets.UTF_8);
            System.setErr(console);
        } else {
            System.setErr(log);
        }
        if (StandardError.probe(1).socket()) {
            System.setOut(new PrintStream(new LogLines(handler, Level.INFO, "stdout"), true, StandardCharsets.UTF_8));
        }
        return console;
    }

    private static OutputStream errors(LogDestination destination, boolean stderrUsable, PrintStream console,
            PrintStream log) {
        if (destination instanceof LogDestination.Stderr) {
            return console;
        }
        if (!stderrUsable) {
            return log;
        }
        return new OutputStream() {
            @Override
            public void write(int b) {
                console.write(b);
                log.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                console.write(b, off, len);
                log.write(b, off, len);
            }

            @Override
            public void flush() {
                console.flush();
                log.flush();
            }
        };
    }

    private static String describe(LogOptions options, Exception e) {
        if (e instanceof IOException && options.file() != null) {
            return "--log-file " + options.file() + ": " + Reasons.of((IOException) e);
        }
        return e instanceof IOException ? "--log " + options.mode() + ": " + Reasons.of((IOException) e)
                : e.getMessage();
    }

    private static Handler openOrNothing(LogDestination destination) {
        try {
            return destination.open();
        } catch (IOException e) {
            return new LogDestination.None().open();
        }
    }

    /** Routes the root logger, and with it every JUL and System.Logger logger, to {@code handler}. */
    static void install(Handler handler) {
        LogManager manager = LogManager.getLogManager();
        Logger root = Logger.getLogger("");
        for (Handler old : root.getHandlers()) {
            root.removeHandler(old);
        }
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        if (manager instanceof ServerLogManager) {
            ((ServerLogManager) manager).keep(handler);
        }
    }
}
