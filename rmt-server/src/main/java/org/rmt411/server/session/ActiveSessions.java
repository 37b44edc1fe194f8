package org.rmt411.server.session;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every session running in this process, so that SIGTERM can end them cleanly whichever way they
 * arrived. A TCP listener ends its own; a stdio session or a connection handed over by inetd or
 * systemd {@code Accept=yes} has nobody else to close its device, and without this a
 * {@code systemctl stop} would leave a tape that was being written without its filemark.
 */
public final class ActiveSessions {
    private static final Set<RmtSession> RUNNING = ConcurrentHashMap.newKeySet();

    private ActiveSessions() {
    }

    static void add(RmtSession session) {
        RUNNING.add(session);
    }

    static void remove(RmtSession session) {
        synchronized (RUNNING) {
            RUNNING.remove(session);
            RUNNING.notifyAll();
        }
    }

    /**
     * Ends every running session as if its input had ended (each closes its device the way
     * {@code C} does) and waits up to {@code grace} for them.
     *
     * @return true when all ended in time
     */
    public static boolean stopAll(Duration grace) throws InterruptedException {
        RUNNING.forEach(RmtSession::stop);
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (RUNNING) {
            while (!RUNNING.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(RUNNING, left);
            }
        }
        return true;
    }

    /**
     * Wakes a session blocked reading {@code in} as if the input had ended: a socket has only its
     * read side shut, so the last replies can still go out; anything else (stdin, a pipe) is
     * closed, which wakes a blocked read too.
     */
    static void shutInput(ReadableByteChannel in) {
        try {
            if (in instanceof SocketChannel) {
                ((SocketChannel) in).shutdownInput();
            } else {
                in.close();
            }
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException again) {
                // Already gone: the blocked read fails either way.
            }
        }
    }
}
