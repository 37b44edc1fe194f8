package org.rmt411.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rmt411.protocol.SeekOrder;

/**
 * Reads the plain server invocations ({@code --stdio --root DIR}, {@code --port N} ...) without
 * building picocli's model. tar, cpio, mt and dump start one server per archive or per
 * {@code mt} command, and picocli's reflective model costs about 100 ms of CPU each time, as
 * much as GNU rmt spends on a 256 MiB archive. Anything this class does not fully understand
 * (help, version, subcommands, a bad value) goes to picocli, which owns usage and errors;
 * {@code QuickArgsTest} checks both parsers agree.
 */
final class QuickArgs {
    private static final List<String> FLAGS = List.of("--stdio", "--inetd", "--read-only", "--trace");
    private static final List<String> VALUED = List.of("--port", "--bind", "--root", "--allow",
            "--max-sessions", "--max-record", "--seek-order");

    private QuickArgs() {
    }

    /** The configuration, or empty when picocli must handle these arguments. */
    static Optional<ServerConfig> parse(String... args) {
        ServerConfig c = ServerConfig.defaults();
        List<String> allow = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                String value = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (FLAGS.contains(name) && value == null) {
                    c = flag(c, name);
                } else if (VALUED.contains(name)) {
                    if (value == null) {
                        if (++i == args.length) {
                            return Optional.empty();
                        }
                        value = args[i];
                    }
                    c = valued(c, name, value, allow);
                } else {
                    return Optional.empty();
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        c = new ServerConfig(c.port(), c.bind(), c.root(), c.stdio(), c.inetd(), c.readOnly(), allow,
                c.maxSessions(), c.maxRecord(), c.seekOrder(), c.trace());
        return c.problem() == null ? Optional.of(c) : Optional.empty();
    }

    private static ServerConfig flag(ServerConfig c, String name) {
        boolean stdio = c.stdio() || name.equals("--stdio");
        boolean inetd = c.inetd() || name.equals("--inetd");
        boolean readOnly = c.readOnly() || name.equals("--read-only");
        boolean trace = c.trace() || name.equals("--trace");
        return new ServerConfig(c.port(), c.bind(), c.root(), stdio, inetd, readOnly, c.allow(), c.maxSessions(),
                c.maxRecord(), c.seekOrder(), trace);
    }

    private static ServerConfig valued(ServerConfig c, String name, String value, List<String> allow) {
        int port = name.equals("--port") ? Integer.parseInt(value) : c.port();
        String bind = name.equals("--bind") ? value : c.bind();
        Path root = name.equals("--root") ? Path.of(value) : c.root();
        int maxSessions = name.equals("--max-sessions") ? Integer.parseInt(value) : c.maxSessions();
        int maxRecord = name.equals("--max-record") ? Integer.parseInt(value) : c.maxRecord();
        SeekOrder order = name.equals("--seek-order") ? seekOrder(value) : c.seekOrder();
        if (name.equals("--allow")) {
            allow.addAll(Arrays.asList(value.split(",")));
        }
        return new ServerConfig(port, bind, root, c.stdio(), c.inetd(), c.readOnly(), c.allow(), maxSessions,
                maxRecord, order, c.trace());
    }

    /** {@code auto|offset-first|whence-first}, shared with the picocli converter. */
    static SeekOrder seekOrder(String value) {
        return SeekOrder.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
