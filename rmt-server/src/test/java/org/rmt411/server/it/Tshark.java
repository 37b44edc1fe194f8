package org.rmt411.server.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian's {@code tshark} with the repository's rmt dissector loaded, reading a capture the test
 * made. Each row is one frame's fields; a field that occurs several times in a frame (several
 * PDUs) has its values joined by {@code |}.
 */
final class Tshark {
    /** The dissector as shipped: wireshark/rmt411.lua at the top of the repository. */
    static final Path DISSECTOR = Path.of("..", "wireshark", "rmt411.lua").toAbsolutePath().normalize();
    /** The one line tshark prints to stderr whenever it runs as root; nothing to do with the file. */
    private static final String ROOT_NOTE = "Running as user \"root\" and group \"root\". This could be dangerous.";

    private final Path capture;
    private final List<String> decodeAs;

    /** Reads {@code capture}, decoding {@code ports} (besides 411) as rmt. */
    Tshark(Path capture, int... ports) {
        if (!onPath()) {
            throw new AssertionError("tshark is not installed: apt-get install tshark (.ci/run does)");
        }
        this.capture = capture;
        this.decodeAs = new ArrayList<>();
        for (int port : ports) {
            decodeAs.addAll(List.of("-d", "tcp.port==" + port + ",rmt"));
        }
    }

    /** tshark's own output and its stderr less the root note, after checking it exited 0. */
    Cmd.Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tshark", "-X", "lua_script:" + DISSECTOR, "-r",
                capture.toString()));
        command.addAll(decodeAs);
        command.addAll(List.of(args));
        Cmd.Result r = Cmd.run(capture.getParent(), Map.of(), command.toArray(String[]::new));
        String stderr = r.stderr().replace(ROOT_NOTE + "\n", "").replace(ROOT_NOTE, "");
        return new Cmd.Result(r.exit(), r.stdout(), stderr).ok();
    }

    /** The rmt PDUs' frames matching {@code filter}, each as field name to value. */
    List<Map<String, String>> rows(String filter, String... fields) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-Y", filter, "-T", "fields", "-E", "aggregator=|",
                "-E", "occurrence=a"));
        for (String field : fields) {
            args.addAll(List.of("-e", field));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : run(args.toArray(String[]::new)).stdout().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] values = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                row.put(fields[i], i < values.length ? values[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static boolean onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "tshark"))) {
                return true;
            }
        }
        return false;
    }
}
