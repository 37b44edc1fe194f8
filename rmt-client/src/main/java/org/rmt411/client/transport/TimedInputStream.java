package org.rmt411.client.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long a reply (or, outside one, a single read) may block on a stream that has no timeout of its own, such as
 * the stdout pipe of a remote shell. A pipe has no {@code SO_TIMEOUT}, so a watchdog thread runs
 * {@code onTimeout} (which ends the child process) when a read overruns; the blocked read then
 * sees the end of the stream and this stream reports a {@link SocketTimeoutException} instead,
 * the same error a silent TCP server gives. This is what turns an ssh session to a host that
 * stopped answering into an error rather than a hang.
 */
final class TimedInputStream extends FilterInputStream {
    private final long timeoutNanos;
    private final Runnable onTimeout;
    private final String what;
    private final Object lock = new Object();
    /** When the read in progress times out (System.nanoTime), or 0 when no read is in progress. */
    private long deadline;
    /** When the reply being read must be complete, or 0 when no reply clock runs (per-read timeout). */
    private long replyDeadline;
    private boolean expired;
    private boolean closed;
    /** The watchdog waits without a deadline and needs a nudge when a read starts. */
    private boolean idle;
    private Thread watchdog;

    /**
     * @param timeout how long one reply (from {@link #replyStarts()}) or else one read may block (positive)
     * @param onTimeout what unblocks the read (e.g. destroying the process that feeds the stream)
     * @param what what is read from, for the message
     */
    TimedInputStream(InputStream in, Duration timeout, Runnable onTimeout, String what) {
        super(in);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
        this.onTimeout = onTimeout;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        arm();
        try {
            return afterRead(in.read());
        } catch (IOException e) {
            throw translated(e);
        } finally {
            disarm();
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        try {
            return afterRead(in.read(b, off, len));
        } catch (IOException e) {
            throw translated(e);
        } finally {
            disarm();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        super.close();
    }

    private int afterRead(int result) throws IOException {
        synchronized (lock) {
            if (expired) {
                throw timedOut();
            }
        }
        return result;
    }

    private IOException translated(IOException e) {
        synchronized (lock) {
            if (expired) {
                SocketTimeoutException timeout = timedOut();
                timeout.addSuppressed(e);
                return timeout;
            }
        }
        return e;
    }

    private SocketTimeoutException timedOut() {
        return new SocketTimeoutException("no reply from " + what + " within "
                + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s (see --timeout); it was stopped");
    }

    /** Starts the clock for one whole reply: later reads share its deadline. */
    void replyStarts() {
        synchronized (lock) {
            replyDeadline = System.nanoTime() + timeoutNanos;
            if (replyDeadline == 0) {
                replyDeadline = 1;
            }
        }
    }

    private void arm() throws IOException {
        synchronized (lock) {
            if (expired) {
                throw timedOut();
            }
            deadline = replyDeadline != 0 ? replyDeadline : System.nanoTime() + timeoutNanos;
            if (deadline == 0) {
                deadline = 1; // 0 means "not reading"
            }
            if (watchdog == null) {
                watchdog = new Thread(this::watch, "rmt-reply-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
            } else if (idle) {
                // Only an idle watchdog is woken: one already timing an earlier read wakes at
                // that deadline and finds the new one, so a stream of quick reads costs no
                // thread switch per read.
                lock.notifyAll();
            }
        }
    }

    private void disarm() {
        synchronized (lock) {
            deadline = 0;
        }
    }

    /** The watchdog: sleeps while no read is in progress, fires once when one overruns. */
    private void watch() {
        synchronized (lock) {
            try {
                while (!closed && !expired) {
                    if (deadline == 0) {
                        idle = true;
                        lock.wait();
                        idle = false;
                        continue;
                    }
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    } else {
                        expired = true;
                        onTimeout.run();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
