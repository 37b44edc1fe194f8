package org.rmt411.server.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.logging.Handler;

/**
 * Where the server's log records go: every logger (JUL and {@link System.Logger} alike), the
 * {@code --trace} lines and anything printed to {@link System#err}. {@link Destinations} chooses
 * one at start-up, before anything can print.
 */
public sealed interface LogDestination {
    /** Opens the handler that writes there. */
    Handler open() throws IOException;

    /**
     * Standard error, one timestamped line per record. When an inherited socket closes, the JDK
     * points fds 0-2 at {@code /dev/null}, and lines logged after that (shutdown, the sessions it
     * ends) would be lost; so a pipe, terminal or file opened for appending is written through a
     * descriptor of our own, {@code /proc/self/fd/2} reopened for appending. A file opened
     * without {@code O_APPEND} ({@code 2>file}) keeps fd 2: a second descriptor would write at
     * its own offset over the lines of whoever else writes there.
     */
    record Stderr() implements LogDestination {
        @Override
        public Handler open() {
            OutputStream out = null;
            if (StandardError.reopenable(2)) {
                try {
                    out = new FileOutputStream("/proc/self/fd/2", true);
                } catch (IOException | SecurityException e) {
                    out = null; // not ours to reopen (permissions): fd 2 itself will do
                }
            }
            return new LineHandler(out != null ? out : new FileOutputStream(FileDescriptor.err));
        }

        @Override
        public String toString() {
            return "stderr";
        }
    }

    /**
     * The systemd journal, through journald's stream socket as {@code systemd-cat} writes it: our
     * own connection, so records keep their priority and survive the JDK pointing fds 0-2 at
     * {@code /dev/null} when an inherited socket closes.
     */
    record Journal(Path socket) implements LogDestination {
        @Override
        public Handler open() throws IOException {
            return JournalHandler.connect(socket, "rmt-server");
        }

        @Override
        public String toString() {
            return "journal (" + socket + ")";
        }
    }

    /**
     * A file, appended to. Each record is one {@code write(2)} on an {@code O_APPEND} descriptor,
     * so the processes inetd starts, one per connection, can share one file without tearing lines.
     */
    record LogFile(Path file) implements LogDestination {
        @Override
        public Handler open() throws IOException {
            return new LineHandler(new FileOutputStream(file.toFile(), true));
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }

    /** Nowhere: no usable destination, or {@code --log none}. */
    record None() implements LogDestination {
        @Override
        public Handler open() {
            return new LineHandler(OutputStream.nullOutputStream());
        }

        @Override
        public String toString() {
            return "none";
        }
    }
}
