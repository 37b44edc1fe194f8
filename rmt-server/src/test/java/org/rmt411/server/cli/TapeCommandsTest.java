package org.rmt411.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator subcommands, run as the jar runs them. */
class TapeCommandsTest {
    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--root=" + dir;
        int exit = ServerMain.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Result(exit, out.toString(), err.toString());
    }

    /** A SIMH image: a 3-byte record, a filemark, a 2-byte record, a filemark. */
    private Path simhImage() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(3).put(new byte[] {1, 2, 3, 0}).putInt(3).putInt(0);
        b.putInt(2).put(new byte[] {4, 5}).putInt(2).putInt(0);
        Path file = dir.resolve("in.tap");
        Files.write(file, java.util.Arrays.copyOf(b.array(), b.position()));
        return file;
    }

    @Test
    void createListsWithCapacityAndGeneratedBarcodes() {
        assertThat(run("cartridge", "create", "--capacity=64M").exit()).isZero();
        assertThat(run("cartridge", "create", "LTO001", "--capacity=1G", "--write-protect").exit()).isZero();
        Result list = run("cartridge", "list");
        assertThat(list.out()).containsPattern("LTO001 .* 1G +yes")
                .containsPattern("VT0001 +0 +0 +0 +0 +0 +64M +no");
    }

    @Test
    void importedImagesAreListedAndExportedUpToTheirEndOfData() throws IOException {
        Path in = simhImage();
        Files.write(in, new byte[] {9, 9}, java.nio.file.StandardOpenOption.APPEND); // a torn tail
        assertThat(run("cartridge", "import", in.toString(), "OLD").exit()).isZero();
        assertThat(run("cartridge", "list").out()).containsPattern("OLD +2 +2 +2 +5 +");
        Path out = dir.resolve("out.tap");
        assertThat(run("cartridge", "export", "OLD", out.toString()).exit()).isZero();
        assertThat(Files.size(out)).isEqualTo(Files.size(in) - 2);
    }

    @Test
    void protectAndUnprotectFlipTheTab() {
        run("cartridge", "create", "A1");
        run("cartridge", "protect", "A1");
        assertThat(run("cartridge", "list").out()).containsPattern("A1 .* yes");
        run("cartridge", "unprotect", "A1");
        assertThat(run("cartridge", "list").out()).containsPattern("A1 .* no");
    }

    @Test
    void drivesShowLoadAndUnload() {
        run("cartridge", "create", "A1");
        assertThat(run("drives").out()).contains("/dev/nst0  (empty)");
        assertThat(run("drives", "load", "0", "A1").exit()).isZero();
        assertThat(run("drives").out()).contains("/dev/nst0  A1");
        assertThat(run("cartridge", "list").out()).containsPattern("A1 .* nst0");
        assertThat(run("drives", "unload", "0").exit()).isZero();
        assertThat(run("drives").out()).contains("/dev/nst0  (empty)");
    }

    @Test
    void mistakesAreOneLineErrors() {
        Result missing = run("cartridge", "protect", "NOPE");
        assertThat(missing.exit()).isEqualTo(ServerLauncher.EXIT_RUNTIME);
        assertThat(missing.err()).contains("no such cartridge").doesNotContain("\tat ");
        assertThat(run("cartridge", "create", "bad label").exit()).isNotZero();
        assertThat(run("cartridge", "create", "--capacity=1M", "--early-warning=2M").exit()).isNotZero();
    }
}
