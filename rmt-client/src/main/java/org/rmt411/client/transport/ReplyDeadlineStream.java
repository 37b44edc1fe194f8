package org.rmt411.client.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A socket's input with one deadline per reply instead of per read: {@code SO_TIMEOUT} alone
 * restarts with every byte, so a server that trickles a byte every few seconds would hold a
 * client forever. {@link #replyStarts()} fixes when the reply must be complete; each read then
 * waits only for what is left of it ({@code SO_TIMEOUT} set to the remainder, which costs no
 * system call in the JDK's socket implementation).
 */
final class ReplyDeadlineStream extends FilterInputStream {
    private final Socket socket;
    private final long timeoutNanos;
    private final String what;
    /** When the reply being read must be complete (System.nanoTime), or 0 for no deadline. */
    private long deadline;

    /**
     * @param timeout how long one whole reply may take; zero waits forever
     * @param what the server, for the message ("tapehost:411")
     */
    ReplyDeadlineStream(Socket socket, InputStream in, Duration timeout, String what) {
        super(in);
        this.socket = socket;
        this.timeoutNanos = timeout.toNanos();
        this.what = what;
    }

    /** Starts the clock for the next reply. */
    void replyStarts() {
        if (timeoutNanos > 0) {
            deadline = System.nanoTime() + timeoutNanos;
            if (deadline == 0) {
                deadline = 1;
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (deadline != 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw timedOut(null);
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left) + 1)));
        }
        try {
            return in.read(b, off, len);
        } catch (SocketTimeoutException e) {
            throw timedOut(e);
        }
    }

    private SocketTimeoutException timedOut(SocketTimeoutException cause) {
        SocketTimeoutException e = new SocketTimeoutException("no complete reply from rmt server " + what + " within "
                + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s (see --timeout)");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
