package org.rmt411.dist;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The installed rmt411.service's ExecStart command line, started the way its socket unit starts
 * it: systemd-socket-activate passes a listening loopback socket as LISTEN_FDS (Accept=no) and
 * setpriv runs the command as the unit's User= and Group=. Both exec, so the PID is the server's.
 */
final class UnitCommand implements AutoCloseable {
    /** The server's own line once it adopted the socket. */
    static final String SERVING = "listening on the sockets systemd passed (LISTEN_FDS)";

    private final Process process;
    private final Path stderr;
    private final int port;

    private UnitCommand(Process process, Path stderr, int port) {
        this.process = process;
        this.stderr = stderr;
        this.port = port;
    }

    /** The words of {@code ExecStart=} in {@code unit} (the units use no quoting). */
    static List<String> execStart(Path unit) throws IOException {
        String line = Files.readAllLines(unit).stream().filter(l -> l.startsWith("ExecStart=")).findFirst()
                .orElseThrow(() -> new AssertionError(unit + " has no ExecStart="));
        return Arrays.asList(line.substring("ExecStart=".length()).trim().split("\\s+"));
    }

    /**
     * Starts {@code command} as {@code user} on a free loopback port, waiting until the socket
     * listens; systemd-socket-activate starts the command at the first connection, as systemd does.
     */
    static UnitCommand start(Path dir, String user, List<String> command) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> argv = new ArrayList<>(List.of("systemd-socket-activate", "-l", "127.0.0.1:" + port,
                "setpriv", "--reuid=" + user, "--regid=" + user, "--clear-groups"));
        argv.addAll(command);
        Path err = Files.createTempFile(dir, "unit", ".err");
        Process process = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        UnitCommand unit = new UnitCommand(process, err, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!unit.stderr().contains("Listening on 127.0.0.1:" + port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                unit.close();
                throw new AssertionError("systemd-socket-activate did not listen: " + argv + "\n" + unit.stderr());
            }
            Thread.sleep(50);
        }
        return unit;
    }

    int port() {
        return port;
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** SIGTERM, as systemctl stop sends; the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
