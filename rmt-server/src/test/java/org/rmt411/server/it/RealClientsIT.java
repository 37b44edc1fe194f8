package org.rmt411.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stock GNU tar and cpio read and write archives through rmt411, started over a remote shell on
 * stdin/stdout and reached over TCP through a socat bridge, and the trees come back identical.
 */
@Timeout(300)
class RealClientsIT {
    /** How the client reaches the server. */
    enum Route { STDIO, TCP }

    @TempDir
    static Path work;
    static Path root;
    static Path src;
    static Path rsh;
    static ServerProcess tcp;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createDirectories(work.resolve("root"));
        src = Trees.sample(work);
        rsh = Cmd.fakeRsh(work);
        tcp = ServerProcess.tcp(root);
    }

    @AfterAll
    static void stop() throws Exception {
        if (tcp != null) {
            tcp.close();
        }
    }

    private static Map<String, String> env(Route route) {
        return route == Route.TCP
                ? Map.of("RMT411_BRIDGE_PORT", String.valueOf(tcp.port()))
                : Map.of("RMT411_SERVER_CMD", ServerProcess.shellCommand("--stdio", "--root", root.toString()));
    }

    private static Cmd.Result tar(Route route, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar", "--rsh-command=" + rsh,
                "--rmt-command=" + ServerProcess.shellCommand("--stdio", "--root", root.toString())));
        command.addAll(List.of(args));
        return Cmd.run(work, env(route), command.toArray(String[]::new));
    }

    private static Path fresh(String name) throws IOException {
        Path dir = work.resolve(name);
        Files.createDirectories(dir);
        return dir;
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void createListExtractDefaultBlocking(Route route) throws Exception {
        roundTrip(route, "20");
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void blockingFactorOne(Route route) throws Exception {
        roundTrip(route, "1");
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void blockingFactor126(Route route) throws Exception {
        roundTrip(route, "126");
    }

    private void roundTrip(Route route, String blocking) throws Exception {
        String archive = "localhost:/b" + blocking + "-" + route + ".tar";
        tar(route, "-b", blocking, "-cf", archive, "src").ok();
        long size = Files.size(root.resolve("b" + blocking + "-" + route + ".tar"));
        assertThat(size % (512L * Integer.parseInt(blocking))).as("whole records").isZero();
        String listing = tar(route, "-b", blocking, "-tf", archive).ok().stdout();
        assertThat(listing).contains("src/file-300000", "src/link", "src/empty/", "x".repeat(120) + ".txt");
        Path out = fresh("out-b" + blocking + "-" + route);
        tar(route, "-b", blocking, "-xpf", archive, "-C", out.toString()).ok();
        Trees.assertSame(src, out.resolve("src"));
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void gzip(Route route) throws Exception {
        String archive = "localhost:/z-" + route + ".tar.gz";
        tar(route, "-czf", archive, "src").ok();
        Path out = fresh("out-z-" + route);
        tar(route, "-xzpf", archive, "-C", out.toString()).ok();
        Trees.assertSame(src, out.resolve("src"));
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void appendSeekAndVerify(Route route) throws Exception {
        String archive = "localhost:/r-" + route + ".tar";
        tar(route, "-cf", archive, "src/file-512").ok();
        // -r reads to the end, steps back with MTBSR (E25 on a file) and falls back to L.
        tar(route, "-rf", archive, "src/file-10240").ok();
        assertThat(tar(route, "-tf", archive).ok().stdout()).isEqualTo("src/file-512\nsrc/file-10240\n");
        // --seek sends L<offset>⏎<whence>⏎ (tar 1.34), which GNU rmt misreads.
        assertThat(tar(route, "--seek", "-tvf", archive).ok().stdout()).contains("src/file-10240");
        // -W re-reads what it wrote after MTBSF (E25) and an L rewind.
        tar(route, "-cWf", "localhost:/w-" + route + ".tar", "src").ok();
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void cpioOutAndIn(Route route) throws Exception {
        String archive = "localhost:/c-" + route + ".cpio";
        Cmd.run(work, env(route), "sh", "-c",
                "find src | cpio -o -H newc --rsh-command=" + rsh + " -F " + archive).ok();
        Path out = fresh("out-cpio-" + route);
        Cmd.run(out, env(route), "cpio", "-i", "-d", "--no-absolute-filenames", "--rsh-command=" + rsh,
                "-F", archive).ok();
        assertThat(Files.readAllBytes(out.resolve("src/file-300000")))
                .isEqualTo(Files.readAllBytes(src.resolve("file-300000")));
        assertThat(Cmd.run(work, env(route), "cpio", "-it", "--rsh-command=" + rsh, "-F", archive).ok().stdout())
                .contains("src/link", "src/empty", "src/file-0");
        Trees.assertSame(src, out.resolve("src"));
    }
}
