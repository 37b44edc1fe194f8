package org.rmt411.server.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code --idle-timeout}: ends a session whose client has gone quiet. Only time spent blocked
 * waiting for the client counts: for its next request or payload bytes, or for it to take a
 * reply; a slow operation on the server's side (a long space on a big image) never does.
 *
 * <p>When the client has been silent that long, the input is shut as if it had ended, so the
 * session closes its device the ordinary way (a written tape gets its filemark, as after
 * {@code C}) and a vanished client no longer holds {@code /dev/nst0} until a restart. A reply
 * blocked that long (the client stopped reading) closes the output, which ends the session too.
 *
 * <p>One daemon thread sweeps every watch; the hot path costs two volatile writes per read.
 */
final class IdleWatch {
    private static final Set<IdleWatch> WATCHES = ConcurrentHashMap.newKeySet();
    private static volatile Thread sweeper;
    /** A quarter of the shortest timeout in use, so expiry is at most 25% late; 1 s at most. */
    private static volatile long periodMillis = 1000;

    private final long timeoutNanos;
    private final ReadableByteChannel in;
    private final WritableByteChannel out;
    private volatile long readingSince;
    private volatile long writingSince;
    private volatile boolean expired;

    private IdleWatch(Duration timeout, ReadableByteChannel in, WritableByteChannel out) {
        this.timeoutNanos = timeout.toNanos();
        this.in = in;
        this.out = out;
    }

    /** Watches {@code in} and {@code out} until {@link #stop()}; {@code timeout} must be positive. */
    static IdleWatch start(Duration timeout, ReadableByteChannel in, WritableByteChannel out) {
        IdleWatch watch = new IdleWatch(timeout, in, out);
        WATCHES.add(watch);
        ensureSweeper(Math.max(10, Math.min(1000, timeout.toMillis() / 4)));
        return watch;
    }

    /** True once the session was ended for silence. */
    boolean expired() {
        return expired;
    }

    /** Stops watching (the session is over). */
    void stop() {
        WATCHES.remove(this);
    }

    /** The input as the session reads it: blocked time is measured, expiry reads as end of input. */
    ReadableByteChannel input() {
        return new ReadableByteChannel() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                readingSince = System.nanoTime();
                try {
                    return in.read(dst);
                } catch (ClosedChannelException e) { // AsynchronousCloseException included
                    if (expired) {
                        return -1; // the sweeper shut the input: the client's silence is its end
                    }
                    throw e;
                } finally {
                    readingSince = 0;
                }
            }

            @Override
            public boolean isOpen() {
                return in.isOpen();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /**
     * The output as the session writes it: a write blocked too long is cut off. It stays a
     * gathering channel, so an R reply still leaves in one system call with its A line.
     */
    GatheringByteChannel output() {
        return new GatheringOutput(out) {
            @Override
            protected int write(ByteBuffer src, WritableByteChannel target) throws IOException {
                writingSince = System.nanoTime();
                try {
                    return target.write(src);
                } finally {
                    writingSince = 0;
                }
            }

            @Override
            protected long write(ByteBuffer[] srcs, int offset, int length, GatheringByteChannel target)
                    throws IOException {
                writingSince = System.nanoTime();
                try {
                    return target.write(srcs, offset, length);
                } finally {
                    writingSince = 0;
                }
            }
        };
    }

    private void check(long now) {
        long r = readingSince;
        long w = writingSince;
        boolean readIdle = r != 0 && now - r >= timeoutNanos;
        boolean writeIdle = w != 0 && now - w >= timeoutNanos;
        if (!readIdle && !writeIdle) {
            return;
        }
        expired = true;
        WATCHES.remove(this);
        if (readIdle) {
            ActiveSessions.shutInput(in);
        } else {
            closeQuietly(out);
        }
    }

    private static void closeQuietly(Channel c) {
        try {
            c.close();
        } catch (IOException e) {
            // Already gone: the blocked call fails either way.
        }
    }

    private static synchronized void ensureSweeper(long period) {
        periodMillis = Math.min(periodMillis, period);
        Thread current = sweeper;
        if (current != null && current.isAlive()) {
            return;
        }
        Thread t = new Thread(IdleWatch::sweep, "rmt411-idle");
        t.setDaemon(true);
        sweeper = t;
        t.start();
    }

    private static void sweep() {
        while (true) {
            try {
                TimeUnit.MILLISECONDS.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (IdleWatch watch : WATCHES) {
                watch.check(now);
            }
        }
    }
}
