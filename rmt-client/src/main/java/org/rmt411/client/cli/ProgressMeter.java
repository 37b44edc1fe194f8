package org.rmt411.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.rmt411.client.tar.Exclusions;
import org.rmt411.client.tar.TarBackup;

/**
 * A one-line progress bar on stderr: bytes done of the pre-scanned total, rate and ETA, redrawn
 * with {@code \r} at most every {@value #REDRAW_NANOS_TEXT}. Hand-rolled: a dependency for one
 * line of text is not worth it.
 */
final class ProgressMeter implements LongConsumer {
    private static final String REDRAW_NANOS_TEXT = "250 ms";
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final long total;
    private final LongSupplier clock;
    private final long start;
    private long done;
    private long lastDraw;

    ProgressMeter(PrintWriter err, long total, LongSupplier nanoClock) {
        this.err = err;
        this.total = total;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastDraw = start;
    }

    /**
     * Whether stderr is a terminal, where a bar redrawn with {@code \r} belongs. Java has no
     * isatty(2); {@link System#console()} only says stdin and stdout are terminals, which would
     * draw the bar into {@code 2>log} and hide it behind {@code | cat}. On Linux, fd 2's link in
     * /proc names the device; elsewhere the console is the best guess.
     */
    static boolean stderrIsTerminal() {
        try {
            return isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** Whether a /proc fd link target is a terminal: a pseudo-terminal, a console or a serial line. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    /** Sum of regular file sizes under {@code paths} the backup will take, not following links. */
    static long preScan(List<Path> paths, Exclusions exclusions) {
        long[] sum = {0};
        for (Path path : paths) {
            try {
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return exclusions.excludes(TarBackup.memberName(dir))
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && !exclusions.excludes(TarBackup.memberName(file))) {
                            sum[0] += attrs.size();
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE; // the backup itself reports it
                    }
                });
            } catch (IOException e) {
                // Same: the backup reports unreadable paths; the total is only an estimate.
            }
        }
        return sum[0];
    }

    @Override
    public void accept(long bytes) {
        done += bytes;
        long now = clock.getAsLong();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            err.print("\r" + line(now));
            err.flush();
        }
    }

    /** Draws the final state and ends the line. */
    void finish() {
        err.println("\r" + line(clock.getAsLong()));
        err.flush();
    }

    String line(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = done / seconds;
        int percent = total > 0 ? (int) Math.min(100, done * 100 / total) : 100;
        int filled = percent * 20 / 100;
        String bar = "#".repeat(filled) + "-".repeat(20 - filled);
        String eta = rate > 0 && total > done ? clock((long) ((total - done) / rate)) : "0:00";
        return String.format("[%s] %3d%% %s of %s  %s/s  ETA %s  ", bar, percent, size(done), size(total),
                size((long) rate), eta);
    }

    static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format("%.1f %s", v, units[u]);
    }

    static String clock(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
