package org.rmt411.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * dump and restore through rmt411 over a remote shell. dump closes and re-opens the tape on the
 * same connection when a volume ends ({@code C}, then {@code O… 0 O_RDONLY}, {@code C}), which
 * hangs against GNU rmt; against rmt411 the whole dump completes and restores identically.
 */
@Timeout(300)
class DumpRestoreIT {
    @TempDir
    Path work;

    @Test
    void dumpThenRestore() throws Exception {
        Path root = Files.createDirectories(work.resolve("root"));
        Path src = Trees.sample(work);
        Path rsh = Cmd.fakeRsh(work);
        Path image = work.resolve("fs.ext2");
        Cmd.run(work, Map.of(), "mke2fs", "-q", "-t", "ext2", "-d", src.toString(), image.toString(), "8M").ok();
        // dump needs a block device: a file inside a mounted file system is taken for a folder.
        Cmd.Result loop = Cmd.run(work, Map.of(), "losetup", "-f", "--show", image.toString());
        assumeTrue(loop.exit() == 0, "loop devices are unavailable here: " + loop.stderr());
        String device = loop.stdout().trim();
        Map<String, String> env = Map.of("RSH", rsh.toString(),
                "RMT411_SERVER_CMD", ServerProcess.shellCommand("--stdio", "--root", root.toString()));
        try {
            Cmd.run(work, env, "dump", "-0", "-f", "localhost:/level0.dump", device).ok();
        } finally {
            Cmd.run(work, Map.of(), "losetup", "-d", device);
        }
        assertThat(Cmd.run(work, env, "restore", "-t", "-f", "localhost:/level0.dump").ok().stdout())
                .contains("./file-300000", "./run.sh", "./empty");
        Path out = Files.createDirectories(work.resolve("restored"));
        // restore asks which volume to read first; "1" is the only one.
        Cmd.run(out, env, "sh", "-c", "printf '1\\n' | restore -x -y -f localhost:/level0.dump").ok();
        Files.delete(out.resolve("lost+found"));
        Files.deleteIfExists(out.resolve("restoresymtable"));
        Trees.assertSame(src, out);
    }
}
