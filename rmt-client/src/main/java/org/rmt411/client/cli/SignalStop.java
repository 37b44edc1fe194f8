package org.rmt411.client.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Turns SIGINT and SIGTERM during a backup into an orderly stop. The JVM runs shutdown hooks
 * on either signal and then exits with 128 + the signal number (130, 143), as a shell expects;
 * the hook here asks the backup to stop and waits until the backup thread has closed the
 * remote device (so a tape gets its filemark) and told the user where the archive ends.
 * A shutdown hook needs no internal signal API; interrupting the backup thread is avoided on
 * purpose, because an interrupt closes a socket channel before {@code C} could be sent.
 */
final class SignalStop implements BooleanSupplier, AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Duration patience;
    private final Thread hook = new Thread(this::stopAndWait, "rmt-client-signal-stop");
    private volatile boolean requested;

    /**
     * Installs the hook.
     *
     * @param patience how long the hook waits for the device to be closed (a server that no
     *     longer answers is given up on after this)
     */
    SignalStop(Duration patience) {
        this.patience = patience;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether a signal asked the backup to stop. */
    @Override
    public boolean getAsBoolean() {
        return requested;
    }

    /** The backup is over (stopped or not): the hook may let the JVM exit; removes the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (the signal came): the hook is running.
        }
    }

    private void stopAndWait() {
        requested = true;
        try {
            finished.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
