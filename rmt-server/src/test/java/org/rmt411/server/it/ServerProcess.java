package org.rmt411.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shipped server jar as a child process; tests always stop it. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on .*:(\\d+),");

    final Process process;
    private final Path stderrFile;
    private int port = -1;

    private ServerProcess(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(args);
        // A file, not a pipe: it keeps what the server wrote after it exited.
        stderrFile = Files.createTempFile("rmt-server", ".err");
        process = new ProcessBuilder(command).redirectError(stderrFile.toFile()).start();
    }

    /** {@code java -jar rmt-server.jar}, as the README runs it. */
    static List<String> javaCommand() {
        String jar = System.getProperty("rmt411.serverJar", "target/rmt-server.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-jar", jar);
    }

    /** The same command as one shell word list, for --rmt-command and fake remote shells. */
    static String shellCommand(String... args) {
        StringBuilder sb = new StringBuilder();
        for (String part : javaCommand()) {
            sb.append(part).append(' ');
        }
        for (String arg : args) {
            sb.append('\'').append(arg.replace("'", "'\\''")).append("' ");
        }
        return sb.toString().trim();
    }

    /** Starts a TCP server on a free loopback port and waits until it listens. */
    static ServerProcess tcp(Path root, String... extra) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--bind", "127.0.0.1", "--root", root.toString()));
        args.addAll(List.of(extra));
        ServerProcess server = new ServerProcess(args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.port < 0 && System.nanoTime() < deadline && server.process.isAlive()) {
            Thread.sleep(20);
            Matcher m = LISTENING.matcher(server.stderr());
            if (m.find()) {
                server.port = Integer.parseInt(m.group(1));
            }
        }
        if (server.port < 0) {
            String stderr = server.stderr();
            server.close();
            throw new IOException("server did not start: " + stderr);
        }
        return server;
    }

    int port() {
        return port;
    }

    String stderr() {
        try {
            return Files.readString(stderrFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    /** SIGTERM, then the exit code (SIGKILL after 20 s). */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (process.isAlive()) {
            terminate();
        }
        Files.deleteIfExists(stderrFile);
    }
}
