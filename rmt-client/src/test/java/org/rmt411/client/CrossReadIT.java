package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.tar.BackupOptions;
import org.rmt411.client.tar.Feedback;
import org.rmt411.client.tar.RestoreOptions;
import org.rmt411.client.tar.Exclusions;
import org.rmt411.client.tar.Compression;
import org.rmt411.client.tar.RemoteArchive;

/** GNU tar reads what the client writes, and the client restores what GNU tar writes. */
class CrossReadIT {
    @TempDir
    Path work;
    private Path tapes;
    private InProcessServer server;
    private Path src;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tar")) || Files.isExecutable(Path.of("/bin/tar")), "GNU tar");
        tapes = Files.createDirectories(work.resolve("tapes"));
        server = InProcessServer.serve(tapes);
        src = Trees.build(work.resolve("parent").resolve("src"));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private RemoteArchive archive(String name) {
        return new RemoteArchive(server.connector(), name, RmtDialect.DEFAULT, 10240);
    }

    @Test
    void gnuTarExtractsWhatTheClientWrote() throws Exception {
        archive("/c.tar").backup(List.of(src), BackupOptions.DEFAULTS, Feedback.SILENT);
        Path out = Files.createDirectories(work.resolve("gnu-out"));
        run("tar", "-xpf", tapes.resolve("c.tar").toString(), "-C", out.toString());
        Trees.assertSame(src, out.resolve(src.toString().substring(1)));
    }

    @ParameterizedTest
    @CsvSource({"GZIP, -z", "BZIP2, -j", "XZ, -J", "ZSTD, --zstd"})
    void gnuTarReadsTheClientsCompressedArchive(Compression compression, String gnuOption) throws Exception {
        archive("/c.tar.x").backup(List.of(src), BackupOptions.DEFAULTS.withCompression(compression),
                Feedback.SILENT);
        Path out = Files.createDirectories(work.resolve("gnu-out"));
        run("tar", gnuOption, "-xpf", tapes.resolve("c.tar.x").toString(), "-C", out.toString());
        Trees.assertSame(src, out.resolve(src.toString().substring(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-z", "-j", "-J", "--zstd"})
    void clientRecognisesGnuTarsCompression(String gnuOption) throws Exception {
        // Blocked like a tape (-b 20), so the compressed stream is followed by record padding.
        run("tar", gnuOption, "-b", "20", "-cf", tapes.resolve("g.tar.x").toString(),
                "-C", src.getParent().toString(), "src");
        Path out = work.resolve("client-out");
        archive("/g.tar.x").restore(out, RestoreOptions.DEFAULTS, Feedback.SILENT);
        Trees.assertSame(src, out.resolve("src"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "posix"})
    void clientRestoresWhatGnuTarWrote(String format) throws Exception {
        run("tar", "--format=" + format, "-cf", tapes.resolve("g.tar").toString(), "-C", src.getParent().toString(), "src");
        Path out = work.resolve("client-out");
        archive("/g.tar").restore(out, RestoreOptions.DEFAULTS, Feedback.SILENT);
        Trees.assertSame(src, out.resolve("src"));
    }

    @Test
    void excludeLeavesOutWhatGnuTarLeavesOut() throws Exception {
        Path tree = work.resolve("x");
        for (String file : List.of("keep.c", "drop.o", "sub/keep.h", "sub/drop.o", "build/out.bin", "sub/build/o",
                "sub/builder/keep", "cache/a", "docs/a.txt", "docs/b.txt", "docs/c.txt", "log/2026/x.log")) {
            Files.createDirectories(tree.resolve(file).getParent());
            Files.writeString(tree.resolve(file), file);
        }
        List<String> patterns = List.of("*.o", "build", "x/cache", "docs/[ab].txt", "log*.log");
        // Both archive the tree by its absolute name (stored without the leading '/').
        List<String> gnuArgs = new java.util.ArrayList<>(List.of("tar", "-cf", work.resolve("g.tar").toString()));
        patterns.forEach(p -> gnuArgs.add("--exclude=" + p));
        gnuArgs.add(tree.toString());
        run(gnuArgs.toArray(String[]::new));
        new RemoteArchive(server.connector(), "/c.tar", RmtDialect.DEFAULT, 10240)
                .backup(List.of(tree), BackupOptions.DEFAULTS.withExclusions(new Exclusions(patterns)),
                        Feedback.SILENT);
        String x = tree.toString().substring(1) + "/";
        assertThat(members(tapes.resolve("c.tar"))).isEqualTo(members(work.resolve("g.tar")))
                .contains(x + "keep.c", x + "sub/builder/keep", x + "docs/c.txt")
                .doesNotContain(x + "drop.o", x + "build/", x + "cache/", x + "docs/a.txt", x + "log/2026/x.log");
    }

    private static java.util.SortedSet<String> members(Path archive) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tar", "-tf", archive.toString()).start();
        java.util.SortedSet<String> names = new java.util.TreeSet<>(
                List.of(new String(p.getInputStream().readAllBytes()).split("\n")));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return names;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
