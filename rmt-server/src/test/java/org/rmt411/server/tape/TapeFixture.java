package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.RmtException;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.server.device.Device;

/**
 * A tape library on an in-memory file system, and small helpers to drive it like a session.
 * Registered as an extension ({@code @RegisterExtension final TapeFixture tapes = ...}) it is
 * made anew for each test and closed after it.
 */
final class TapeFixture implements AutoCloseable, AfterEachCallback {
    static final int RDONLY = OpenFlags.O_RDONLY;
    static final int WRONLY = OpenFlags.O_WRONLY;
    static final int RDWR = OpenFlags.O_RDWR;

    final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    final Path root = fs.getPath("/srv/tapes");
    TapeLibrary library;
    TapeProvider provider;

    TapeFixture(TapeLibrary.Settings settings) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restart(settings);
    }

    TapeFixture() {
        this(TapeLibrary.Settings.DEFAULT);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
    }

    /** A new library over the same files: what the next rsh-started server process sees. */
    void restart(TapeLibrary.Settings settings) {
        library = new TapeLibrary(root, settings);
        provider = new TapeProvider(library);
    }

    /** The same files seen by a {@code --read-only} server process. */
    void restartReadOnly() {
        library = new TapeLibrary(root, library.settings(), true);
        provider = new TapeProvider(library);
    }

    Device open(String name, int flags) throws IOException {
        return provider.open(name, flags).orElseThrow();
    }

    /** Opens as the session talking to {@code peer}. */
    Device open(String name, int flags, String peer) throws IOException {
        return provider.open(name, flags, peer).orElseThrow();
    }

    /**
     * Everything under the root: each folder's path, each file's path, size, modification time
     * and content. Equal before and after means nothing on disk changed.
     */
    String tree() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (java.util.stream.Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted().toList()) {
                if (Files.isDirectory(p)) {
                    sb.append("d ").append(p).append('\n');
                } else {
                    sb.append("f ").append(p).append(' ').append(Files.size(p)).append(' ')
                            .append(Files.getLastModifiedTime(p)).append(' ')
                            .append(java.util.HexFormat.of().formatHex(Files.readAllBytes(p))).append('\n');
                }
            }
        }
        return sb.toString();
    }

    Path image(String barcode) {
        return ((org.rmt411.server.tape.store.FileCartridgeStore) library.store()).imagePath(barcode);
    }

    /** The bytes an {@code R<count>} returns. */
    static byte[] read(Device device, long count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] announced = {-1};
        device.read(count, length -> {
            announced[0] = length;
            return java.nio.channels.Channels.newChannel(out);
        });
        if (announced[0] != out.size()) {
            throw new AssertionError("announced " + announced[0] + " bytes, sent " + out.size());
        }
        return out.toByteArray();
    }

    /** A record of {@code length} bytes whose content depends on {@code seed}. */
    static byte[] record(int length, int seed) {
        byte[] data = new byte[length];
        Arrays.fill(data, (byte) seed);
        if (length > 0) {
            data[0] = (byte) (seed * 7 + 1);
        }
        return data;
    }

    static void write(Device device, byte[] data) throws IOException {
        device.write(org.rmt411.server.device.Payload.of(java.nio.ByteBuffer.wrap(data)));
    }

    static MtStatus status(Device device) throws IOException {
        return device.status();
    }

    /** Asserts {@code call} fails with {@code errno}. */
    static void assertErrno(Errno errno, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RmtException.class,
                e -> assertThat(e.errno()).as(e.getMessage()).isEqualTo(errno.number()));
    }

    /** Asserts the drive's file and block numbers, as MTIOCGET reports them. */
    static void assertAt(Device d, int fileno, int blkno) throws IOException {
        MtStatus s = status(d);
        assertThat(s.fileno()).as("fileno").isEqualTo(fileno);
        assertThat(s.blkno()).as("blkno").isEqualTo(blkno);
    }

    /** Writes files of {@code records} records each, 100 bytes, closing each with close(). */
    void writeFiles(int... records) throws IOException {
        for (int f = 0; f < records.length; f++) {
            try (Device d = open("/dev/nst0", WRONLY)) {
                for (int r = 0; r < records[f]; r++) {
                    write(d, record(100, f * 10 + r));
                }
            }
        }
    }

    /** What a scan of the cartridge image finds. */
    ImageScanner.Scan scan(String barcode) throws IOException {
        try (TapeImage image = TapeImage.open(image(barcode), false)) {
            return ImageScanner.scan(image);
        }
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
