package org.rmt411.server.session;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rmt411.protocol.OpenFlags;

/**
 * The audit line a session leaves when it ends: who, over what, which devices in which mode,
 * how much moved, and how it ended. One line of {@code key=value} fields in a fixed order,
 * logged as {@code rmt411.audit} at INFO; the format is documented in docs/operations.md and
 * kept stable for grep and log shippers. Values that could carry a client's bytes (device names,
 * reasons) are escaped, so a hostile name can neither forge a field nor break the line.
 */
final class SessionAudit {
    /** How a session ended. */
    enum End {
        /** Input ended after the client had closed its device: a clean finish. */
        CLOSE("close"),
        /** Input ended with a device still open (closed by the server, as {@code C} would). */
        EOF("eof"),
        /** The client stayed silent past {@code --idle-timeout}. */
        IDLE("idle"),
        /** A fatal request, a payload cut short, or a broken connection. */
        ERROR("error"),
        /** The server was stopped (SIGTERM). */
        SHUTDOWN("shutdown");

        final String word;

        End(String word) {
            this.word = word;
        }
    }

    private static final System.Logger LOG = System.getLogger("rmt411.audit");
    private static final int MAX_LISTED = 16;

    private final Peer peer;
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final List<String> opened = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private int openCount;
    private int refusedCount;
    long bytesRead;
    long recordsRead;
    long bytesWritten;
    long recordsWritten;
    long filemarks;

    SessionAudit(Peer peer) {
        this.peer = peer;
    }

    void opened(String device, int flags) {
        openCount++;
        if (opened.size() < MAX_LISTED) {
            opened.add(escape(device) + ":" + mode(flags));
        }
    }

    void refused(String device, int errno) {
        refusedCount++;
        if (refused.size() < MAX_LISTED) {
            refused.add(escape(device) + ":E" + errno);
        }
    }

    /** Logs the line. */
    void end(End end, int errno, String reason) {
        LOG.log(Level.INFO, line(end, errno, reason));
    }

    String line(End end, int errno, String reason) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        StringBuilder sb = new StringBuilder("audit")
                .append(" transport=").append(escape(peer.transport()))
                .append(" peer=").append(escape(peer.address()));
        if (peer.tlsSubject() != null) {
            sb.append(" tls=").append(escape(peer.tlsSubject()));
        }
        sb.append(" start=").append(start)
                .append(" duration=").append(took.toSeconds()).append('.')
                .append(String.valueOf(1000 + took.toMillisPart()), 1, 4).append('s')
                .append(" opened=").append(list(opened, openCount))
                .append(" refused=").append(list(refused, refusedCount))
                .append(" read=").append(bytesRead).append("B/").append(recordsRead).append("rec")
                .append(" written=").append(bytesWritten).append("B/").append(recordsWritten).append("rec")
                .append(" filemarks=").append(filemarks)
                .append(" end=").append(end.word);
        if (errno > 0) {
            sb.append(" errno=").append(errno);
        }
        if (reason != null) {
            sb.append(" reason=").append(escape(reason));
        }
        return sb.toString();
    }

    private static String list(List<String> items, int count) {
        if (count == 0) {
            return "-";
        }
        String joined = String.join(",", items);
        return count > items.size() ? joined + ",+" + (count - items.size()) : joined;
    }

    private static String mode(int flags) {
        switch (flags & OpenFlags.O_ACCMODE) {
            case OpenFlags.O_RDONLY:
                return "r";
            case OpenFlags.O_WRONLY:
                return "w";
            default:
                return "rw";
        }
    }

    /**
     * Percent-escapes everything but printable ASCII that carries no meaning in the line
     * (space, {@code %}, {@code ,}, {@code =}, quotes and controls are escaped), byte by byte in
     * UTF-8: a device name {@code "a b"} reads {@code a%20b}. A colon stays: in {@code opened}
     * the mode follows the last one.
     */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > ' ' && c < 0x7f && c != '%' && c != ',' && c != '=' && c != '"' && c != '\'') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
