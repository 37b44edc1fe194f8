package org.rmt411.client.transport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * rmt through a child process: a remote shell that runs the rmt program on the far host, exactly
 * as GNU tar starts it ({@code RSH host [-l user] RMT_COMMAND}, rtapelib {@code rmt_open__}), or
 * any local command speaking rmt on stdin/stdout. The child's stderr goes to ours, so ssh
 * prompts and server complaints stay visible.
 */
public final class ProcessTransport implements RmtTransport {
    private static final int BUFFER = 64 * 1024;
    private static final long EXIT_WAIT_MILLIS = 5_000;

    private final Process process;
    private final OutputStream out;
    private final String description;

    private ProcessTransport(Process process, String description) {
        this.process = process;
        this.out = new BufferedOutputStream(process.getOutputStream(), BUFFER);
        this.description = description;
    }

    /** Starts {@code argv} with piped stdin/stdout and inherited stderr. */
    public static ProcessTransport start(List<String> argv) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
        return new ProcessTransport(builder.start(), String.join(" ", argv));
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

    /** A factory starting a fresh process on each call. */
    public static Factory factory(List<String> argv) {
        List<String> copy = List.copyOf(argv);
        return () -> start(copy);
    }

    @Override
    public InputStream input() {
        return process.getInputStream();
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
            process.getInputStream().close();
        }
    }
}
