package org.rmt411.server.it;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code --stdio} server process the test talks rmt to directly, as one rsh-started server
 * holding a drive: requests written, reply lines read; always stopped by its PID.
 */
final class RawServer implements AutoCloseable {
    final Process process;

    RawServer(Path root, String... extra) throws IOException {
        List<String> command = new ArrayList<>(ServerProcess.javaCommand());
        command.addAll(List.of("--stdio", "--root", root.toString()));
        command.addAll(List.of(extra));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Sends {@code requests} and returns the next reply line (without its newline). */
    String ask(String requests) throws IOException {
        process.getOutputStream().write(requests.getBytes(ISO_8859_1));
        process.getOutputStream().flush();
        return line();
    }

    /** The next reply line; an error reply's text line is returned with it ("E16 Device or ..."). */
    String line() throws IOException {
        InputStream in = process.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.write(c);
        }
        String first = line.toString(ISO_8859_1);
        return first.startsWith("E") ? first + " " + line() : first;
    }

    /** End of input: the server closes the drive and exits. */
    int finish() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    /** SIGKILL: no close, no cleanup, as a crash or kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
