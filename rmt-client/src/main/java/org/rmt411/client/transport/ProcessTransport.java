package org.rmt411.client.transport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * rmt through a child process: a remote shell that runs the rmt program on the far host, exactly
 * as GNU tar starts it ({@code RSH host [-l user] RMT_COMMAND}, rtapelib {@code rmt_open__}), or
 * any local command speaking rmt on stdin/stdout. The child's stderr goes to ours, so ssh
 * prompts and server complaints stay visible. A pipe has no read timeout, so one is enforced
 * here: a child that leaves a reply pending longer than the timeout is stopped.
 */
public final class ProcessTransport implements RmtTransport {
    private static final int BUFFER = 64 * 1024;
    private static final long EXIT_WAIT_MILLIS = 5_000;

    private final Process process;
    private final InputStream in;
    private final OutputStream out;
    private final String description;

    private ProcessTransport(Process process, String description, Duration readTimeout) {
        this.process = process;
        this.description = description;
        this.in = readTimeout.isZero()
                ? process.getInputStream()
                : new TimedInputStream(process.getInputStream(), readTimeout, this::stop, description);
        this.out = new BufferedOutputStream(process.getOutputStream(), BUFFER);
    }

    /** Starts {@code argv} with piped stdin/stdout and inherited stderr, with no reply timeout. */
    public static ProcessTransport start(List<String> argv) throws IOException {
        return start(argv, Duration.ZERO);
    }

    /**
     * Starts {@code argv} with piped stdin/stdout and inherited stderr.
     *
     * @param readTimeout how long any single read may wait for the child (zero waits forever);
     *     when it runs out the child is stopped and the read fails with a
     *     {@link java.net.SocketTimeoutException}
     */
    public static ProcessTransport start(List<String> argv, Duration readTimeout) throws IOException {
        if (readTimeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout: " + readTimeout);
        }
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
        return new ProcessTransport(builder.start(), String.join(" ", argv), readTimeout);
    }

    /**
     * The argument vector GNU tar uses: {@code rsh host rmt} or {@code rsh host -l user rmt}
     * (dump always passes {@code -l}; tar only with a user, which we follow).
     *
     * @param user the remote user, or null
     */
    public static List<String> remoteShellCommand(String rsh, String host, String user, String rmtCommand) {
        List<String> argv = new ArrayList<>(List.of(rsh, host));
        if (user != null && !user.isEmpty()) {
            argv.add("-l");
            argv.add(user);
        }
        argv.add(rmtCommand);
        return argv;
    }

    /** A factory starting a fresh process on each call, with no reply timeout. */
    public static Factory factory(List<String> argv) {
        return factory(argv, Duration.ZERO);
    }

    /** A factory starting a fresh process on each call; see {@link #start(List, Duration)}. */
    public static Factory factory(List<String> argv, Duration readTimeout) {
        List<String> copy = List.copyOf(argv);
        return () -> start(copy, readTimeout);
    }

    /**
     * Kills the child and its descendants: a wrapper script's child (the real ssh or rmt) may
     * hold the pipe open after the wrapper is gone, and the blocked read only ends when every
     * holder has.
     */
    private void stop() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public void replyStarts() {
        if (in instanceof TimedInputStream) {
            ((TimedInputStream) in).replyStarts();
        }
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public String describe() {
        return description;
    }

    /**
     * Closes the child's stdin (end of session for every rmt server), waits briefly for it to
     * exit, and kills it if it does not.
     */
    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            // The server may already have exited (GNU rmt does after C): nothing left to tell it.
        }
        try {
            if (!process.waitFor(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            in.close();
        }
    }
}
