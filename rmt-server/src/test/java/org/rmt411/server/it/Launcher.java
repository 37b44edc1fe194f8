package org.rmt411.server.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the server jar the way a service manager does, on a loopback port: an inetd emulator
 * (one process per connection, the socket on fds 0, 1 and 2, as inetd's {@code nowait}) or
 * Debian's {@code systemd-socket-activate} (LISTEN_FDS, or {@code --inetd}). Tests talk to the
 * port through a socat bridge given to GNU tar as its remote shell. {@link #close()} stops the
 * launcher and every server it started, by PID.
 */
final class Launcher implements AutoCloseable {
    /**
     * inetd nowait: accept, fork, put the connection on fds 0, 1 and 2, exec. It insists that
     * fd 2 really is the connection before it execs, so the test cannot pass on a clean stderr.
     */
    private static final String INETD = String.join("\n",
            "import os, socket, sys",
            "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(16)",
            "print('listening on 127.0.0.1:%d' % s.getsockname()[1], file=sys.stderr, flush=True)",
            "while True:",
            "    c, _ = s.accept()",
            "    if os.fork() == 0:",
            "        s.close()",
            "        for fd in (0, 1, 2): os.dup2(c.fileno(), fd)",
            "        link = 'socket:[%d]' % os.fstat(c.fileno()).st_ino",
            "        if os.readlink('/proc/self/fd/2') != link: os._exit(3)",
            "        c.close()",
            "        os.execvp(sys.argv[1], sys.argv[1:])",
            "    c.close()", "");
    private static final Pattern LISTENING = Pattern.compile("[Ll]istening on 127\\.0\\.0\\.1:(\\d+)");

    final Process process;
    final int port;
    final Path bridge;
    private final Path stderr;

    private Launcher(Process process, int port, Path stderr, Path dir) throws IOException {
        this.process = process;
        this.port = port;
        this.stderr = stderr;
        this.bridge = dir.resolve("bridge-" + port);
        // nodelay: without it every small reply waits for Nagle and the delayed ACK.
        Files.writeString(bridge, "#!/bin/sh\nexec socat - TCP:127.0.0.1:" + port + ",nodelay\n");
        Files.setPosixFilePermissions(bridge, PosixFilePermissions.fromString("rwx------"));
    }

    /** The inetd emulator running {@code java -jar rmt-server.jar serverArgs} per connection. */
    static Launcher inetd(Path dir, String... serverArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", "-c", INETD));
        command.addAll(ServerProcess.javaCommand());
        command.addAll(List.of(serverArgs));
        return start(dir, command);
    }

    /**
     * {@code systemd-socket-activate [activateArgs] -l 127.0.0.1:PORT java -jar ... serverArgs}
     * on a free port; taken in the meantime, another is tried.
     */
    static Launcher socketActivate(Path dir, List<String> activateArgs, String... serverArgs)
            throws IOException, InterruptedException {
        List<String> server = new ArrayList<>(ServerProcess.javaCommand());
        server.addAll(List.of(serverArgs));
        return socketActivateCommand(dir, activateArgs, server);
    }

    /** As {@link #socketActivate}, with the whole server command given. */
    static Launcher socketActivateCommand(Path dir, List<String> activateArgs, List<String> server)
            throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of("systemd-socket-activate"));
            command.addAll(activateArgs);
            command.addAll(List.of("-l", "127.0.0.1:" + port));
            command.addAll(server);
            try {
                return start(dir, command);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Launcher start(Path dir, List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "launcher", ".err");
        // Appending, as systemd's StandardError=append: and a shell's 2>> open it.
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher m = LISTENING.matcher(Files.readString(err, StandardCharsets.UTF_8));
            if (m.find()) {
                return new Launcher(process, Integer.parseInt(m.group(1)), err, dir);
            }
            Thread.sleep(20);
        }
        String output = Files.readString(err, StandardCharsets.UTF_8);
        process.destroyForcibly().waitFor();
        throw new IOException("launcher did not listen: " + output);
    }

    /** What the launcher, and servers that inherited its stderr, wrote there. */
    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** GNU tar through the bridge; the host part of the archive name is ignored. */
    Cmd.Result tar(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar", "--rsh-command=" + bridge));
        command.addAll(List.of(args));
        return Cmd.run(dir, java.util.Map.of(), command.toArray(String[]::new));
    }

    /**
     * SIGTERM to the launcher, then its exit code: the server's own when systemd-socket-activate
     * exec'ed it ({@code Accept=no}).
     */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> servers = process.descendants().toList();
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
        process.destroyForcibly().waitFor();
        for (ProcessHandle server : servers) {
            server.destroyForcibly();
            server.onExit().join();
        }
    }
}
