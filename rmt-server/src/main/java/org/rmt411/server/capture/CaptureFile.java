package org.rmt411.server.capture;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.rmt411.server.logging.Reasons;

/**
 * The pcapng file of {@code --capture}: one writer per server process, shared by all its
 * sessions. Each block goes out whole in one append under a lock, so concurrent sessions never
 * interleave inside a block, and straight to the operating system (no buffer in the JVM), so
 * Wireshark can open the file while the server runs and nothing is lost when it is killed.
 *
 * <p>A file that already holds a capture gets a new section appended rather than being replaced:
 * {@code --stdio} servers are one process per session (one per tar or mt command), and all of
 * them may name the same file. pcapng readers read every section of a file.
 */
public final class CaptureFile implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CaptureFile.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;
    private final FileChannel channel;
    private boolean failed;

    private CaptureFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Opens {@code path} for capturing: creates it, or appends a section to an existing capture.
     *
     * @throws IOException with a one-line message ({@code --capture FILE: reason}) when the file
     *     cannot be written or already holds something that is not a pcapng capture
     */
    public static CaptureFile open(Path path) throws IOException {
        FileChannel channel;
        try {
            channel = openForAppending(path);
        } catch (IOException e) {
            throw new IOException("--capture " + path + ": " + Reasons.of(e), e);
        }
        try {
            if (channel.size() > 0 && !startsWithSection(path)) {
                throw new IOException("--capture " + path + ": not a pcapng file; refusing to append to it");
            }
            CaptureFile file = new CaptureFile(path, channel);
            file.append(Pcapng.sectionStart("rmt411 rmt-server " + version()));
            if (file.failed) {
                throw new IOException("--capture " + path + ": cannot write to it");
            }
            return file;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Appends one or more whole blocks. A failed write (disk full) stops the capture with one
     * warning in the log; the sessions go on, since a capture is a diagnostic aid, not a duty.
     */
    synchronized void append(ByteBuffer blocks) {
        if (failed) {
            return;
        }
        try {
            while (blocks.hasRemaining()) {
                channel.write(blocks);
            }
        } catch (IOException e) {
            failed = true;
            LOG.log(Level.WARNING, "--capture " + path + ": capture stopped: " + Reasons.of(e));
        }
    }

    /** Closes the file; the server never needs to, since every block is on disk once appended. */
    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /**
     * Opens for appending; a new file is made readable by its owner only, because it holds every
     * payload byte of every session (the backups themselves, decrypted when they came over TLS).
     */
    private static FileChannel openForAppending(Path path) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        try {
            return FileChannel.open(path, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(path, options); // a file system without POSIX permissions
        }
    }

    private static boolean startsWithSection(Path path) throws IOException {
        ByteBuffer first = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            while (first.hasRemaining() && in.read(first) > 0) {
                // A short read on a regular file only happens at its end.
            }
        }
        // The block type reads the same in either byte order; that is why it is a palindrome.
        return !first.hasRemaining() && first.getInt(0) == Pcapng.SECTION_HEADER;
    }

    private static String version() {
        String v = CaptureFile.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
