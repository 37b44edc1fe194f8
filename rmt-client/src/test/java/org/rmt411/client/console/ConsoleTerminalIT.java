package org.rmt411.client.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.InProcessServer;

/**
 * The interactive console as a person meets it: the shipped jar in a real terminal (tmux), typed
 * at with send-keys and read back with capture-pane. Tab completes a command, Up recalls an
 * earlier line, and the screen shows the bytes and the explanations.
 */
class ConsoleTerminalIT {
    private static final Path TMUX = Path.of("/usr/bin/tmux");

    @TempDir
    Path work;
    private String socket;
    private long panePid;

    @Test
    void completionHistoryAndTheScreenInARealTerminal() throws Exception {
        assumeTrue(Files.isExecutable(TMUX), "tmux is installed (.ci/run installs it)");
        socket = "rmt411-console-" + ProcessHandle.current().pid();
        try (InProcessServer server = InProcessServer.serve(Files.createDirectories(work.resolve("tapes")))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String command = "'" + java + "' -jar '" + System.getProperty("rmt411.clientJar") + "' console 127.0.0.1:"
                    + server.port();
            tmux("new-session", "-d", "-x", "160", "-y", "50", command);
            panePid = Long.parseLong(tmux("display-message", "-p", "#{pane_pid}").strip());
            awaitScreen("rmt>", 1); // capture-pane drops the trailing space
            keys("open /dev/nst0 rw", "Enter");
            awaitScreen("= opened /dev/nst0 (O_RDWR)", 1);
            keys("stat", "Tab");
            awaitScreen("rmt> status", 1);
            keys("Enter");
            awaitScreen("mt_gstat", 1);
            keys("Up", "Up", "Enter");
            awaitScreen("= opened /dev/nst0 (O_RDWR)", 2);
            String screen = awaitScreen("rmt>", 4);
            assertThat(screen).contains("> \"O/dev/nst0\\n2\\n\" (13 bytes)", "< \"A48\\n\" (4 bytes) + 48 payload bytes",
                    "GMT_BOT GMT_ONLINE");
            keys("quit", "Enter");
            awaitGone();
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (panePid > 0) {
            ProcessHandle.of(panePid).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
        }
        if (socket != null) {
            run(List.of(TMUX.toString(), "-L", socket, "kill-server"));
        }
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "0"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Waits until {@code text} shows {@code times} times on the screen; returns the screen. */
    private String awaitScreen(String text, int times) throws Exception {
        String screen = "";
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); System.nanoTime() < end; ) {
            screen = tmux("capture-pane", "-p", "-t", "0", "-S", "-200");
            if (screen.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= times) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + text + "' did not show " + times + " time(s); the screen:\n" + screen);
    }

    private void awaitGone() throws Exception {
        ProcessHandle pane = ProcessHandle.of(panePid).orElse(null);
        if (pane != null) {
            pane.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private String tmux(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(TMUX.toString(), "-L", socket));
        argv.addAll(List.of(args));
        return run(argv);
    }

    private static String run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }
}
