package org.rmt411.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.server.device.Device;
import org.rmt411.server.tape.TapeLibrary;
import org.rmt411.server.tape.TapeProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.stream.Stream;

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
        Result imported = run("cartridge", "import", in.toString(), "OLD");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported " + in + " as OLD (2 files, 2 records, 5 data bytes)");
        assertThat(run("cartridge", "list").out()).containsPattern("OLD +2 +2 +2 +5 +");
        Path out = dir.resolve("out.tap");
        assertThat(run("cartridge", "export", "OLD", out.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(in));
    }

    @Test
    void anEmptyFileIsABlankTape() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.tap"));
        Result r = run("cartridge", "import", empty.toString(), "BLANK");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("(0 files, 0 records, 0 data bytes)");
    }

    /** Each: the file's bytes, then where the first bad length word is and what the line says of it. */
    static Stream<Arguments> notSimhImages() {
        return Stream.of(
                Arguments.of("torn tail", image(b -> b.putInt(3).put(new byte[] {1, 2, 3, 0}).putInt(3).putInt(0)
                        .putInt(100).put(new byte[10])), 16, "a record of 100 bytes needs 108 bytes, the file has 14"),
                Arguments.of("trailer differs", image(b -> b.putInt(0).putInt(2).put(new byte[] {7, 7}).putInt(3)),
                        4, "the record's trailer at byte 10 is 0x00000003, its header 0x00000002"),
                Arguments.of("cut inside a length word", image(b -> b.putInt(0).put(new byte[] {1, 0})), 4,
                        "the file ends 2 bytes into it"),
                Arguments.of("huge length word", image(b -> b.putInt(0x00FFFFFF).putInt(0)), 0,
                        "a record of 16777215 bytes needs 16777224 bytes"),
                Arguments.of("reserved bits", image(b -> b.putInt(0x7FFFFFFF)), 0, "0x7FFFFFFF sets the reserved bits"),
                Arguments.of("unknown marker", image(b -> b.putInt(0xFFFFFFFE).putInt(0xFF123456)), 4,
                        "0xFF123456 is no SIMH marker"),
                Arguments.of("text", "#!/bin/sh\necho not a tape\n".getBytes(StandardCharsets.US_ASCII), 0,
                        "sets the reserved bits"));
    }

    private static byte[] image(java.util.function.Consumer<ByteBuffer> content) {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        content.accept(b);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notSimhImages")
    void importRefusesWhatIsNotAWholeSimhImageAndLeavesNothing(String what, byte[] bytes, long offset, String reason)
            throws IOException {
        Path bad = dir.resolve("bad.tap");
        Files.write(bad, bytes);
        Result r = run("cartridge", "import", bad.toString(), "BAD");
        assertThat(r.exit()).isEqualTo(ServerLauncher.EXIT_RUNTIME);
        assertThat(r.err()).startsWith("rmt-server cartridge import: " + bad + ": not a SIMH tape image: bad length word at byte "
                + offset + " (").contains(reason).doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(dir.resolve("library")).as("nothing made").doesNotExist();
        run("cartridge", "create", "A1");
        assertThat(run("cartridge", "import", bad.toString(), "BAD").exit()).isEqualTo(ServerLauncher.EXIT_RUNTIME);
        try (Stream<Path> files = Files.list(dir.resolve("library"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("A1.tap", "A1.properties");
        }
    }

    @Test
    void importOfAMissingFileOrAFolderIsOneLine() {
        Result missing = run("cartridge", "import", dir.resolve("nope.tap").toString());
        assertThat(missing.exit()).isEqualTo(ServerLauncher.EXIT_RUNTIME);
        assertThat(missing.err()).isEqualTo("rmt-server cartridge import: " + dir.resolve("nope.tap") + ": no such file\n");
        Result folder = run("cartridge", "import", dir.toString());
        assertThat(folder.err()).contains(dir + ": not a regular file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cartridge list", "cartridge protect A1", "cartridge unprotect A1",
        "cartridge export A1 /tmp/x.tap", "drives", "drives load 0 A1", "drives unload 0"})
    void withoutALibraryCommandsSaySo(String command) {
        Result r = run(command.split(" "));
        assertThat(r.exit()).isEqualTo(ServerLauncher.EXIT_RUNTIME);
        assertThat(r.err()).contains(": no tape library under " + dir
                + " (it is created by the first use of /dev/nst0 or by cartridge create)").doesNotContain("\tat ");
        assertThat(dir.resolve("library")).doesNotExist();
        assertThat(r.out()).isEmpty();
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
    void drivesShowsWhoHasADriveOpenAndTheCommandsRefuseIt() throws IOException {
        TapeProvider drives = new TapeProvider(new TapeLibrary(dir, TapeLibrary.Settings.DEFAULT));
        try (Device open = drives.open("/dev/nst0", OpenFlags.O_RDWR, "10.1.1.1:99").orElseThrow()) {
            assertThat(run("drives").out()).startsWith("/dev/nst0  VT0001  in use (10.1.1.1:99 since ")
                    .endsWith(", pid " + ProcessHandle.current().pid() + ")\n");
            Result protect = run("cartridge", "protect", "VT0001");
            assertThat(protect.exit()).isEqualTo(ServerLauncher.EXIT_RUNTIME);
            assertThat(protect.err()).startsWith(
                    "rmt-server cartridge protect: cartridge VT0001 is in use by drive 0 (10.1.1.1:99 since ");
            assertThat(protect.out()).isEmpty();
        }
        assertThat(run("drives").out()).isEqualTo("/dev/nst0  VT0001\n");
        assertThat(run("cartridge", "protect", "VT0001").exit()).isZero();
    }

    @Test
    void mistakesAreOneLineErrors() {
        run("cartridge", "create", "A1");
        Result missing = run("cartridge", "protect", "NOPE");
        assertThat(missing.exit()).isEqualTo(ServerLauncher.EXIT_RUNTIME);
        assertThat(missing.err()).contains("no such cartridge").doesNotContain("\tat ");
        assertThat(run("cartridge", "create", "bad label").exit()).isNotZero();
        assertThat(run("cartridge", "create", "--capacity=1M", "--early-warning=2M").exit()).isNotZero();
    }
}
