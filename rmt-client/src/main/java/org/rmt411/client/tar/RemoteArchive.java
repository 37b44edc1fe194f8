package org.rmt411.client.tar;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.rmt411.client.RemoteTape;
import org.rmt411.client.RemoteTapeException;
import org.rmt411.client.RmtDialect;
import org.rmt411.client.io.RecordInputStream;
import org.rmt411.client.io.RecordOutputStream;
import org.rmt411.client.transport.RmtTransport;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.OpenFlags;

/**
 * A tar archive on a remote tape or file: back up, verify, list and restore, each over its own
 * rmt session (GNU rmt ends the session at {@code C}). Archives are streamed, never staged in a
 * temporary file.
 */
public final class RemoteArchive {
    private final RmtTransport.Factory connector;
    private final String device;
    private final RmtDialect dialect;
    private final int recordSize;
    private Exclusions exclusions = Exclusions.NONE;
    private TarHabits habits = TarHabits.DEFAULT;
    private java.util.function.BooleanSupplier stop = () -> false;

    /** What a backup did. */
    public record BackupResult(TarBackup.Result tar, long archiveBytes, boolean verified) {
    }

    /**
     * @param recordSize bytes per tape record: blocking factor × 512
     */
    public RemoteArchive(RmtTransport.Factory connector, String device, RmtDialect dialect, int recordSize) {
        this.connector = connector;
        this.device = device;
        this.dialect = dialect;
        this.recordSize = recordSize;
    }

    /** Leaves out of backups the members these patterns exclude (GNU tar's {@code --exclude}). */
    public RemoteArchive excluding(Exclusions patterns) {
        this.exclusions = patterns;
        return this;
    }

    /** Walks trees in backups as these GNU tar options say ({@code -h}, {@code --one-file-system}, {@code -v}). */
    public RemoteArchive habits(TarHabits chosen) {
        this.habits = chosen;
        return this;
    }

    /**
     * Lets backups stop early when {@code requested} says so: the device is closed properly
     * (a tape gets its filemark) and a {@link BackupInterruptedException} tells where the
     * archive ends.
     */
    public RemoteArchive stopWhen(java.util.function.BooleanSupplier requested) {
        this.stop = requested;
        return this;
    }

    /** As {@link #backup(List, Compression, boolean, LongConsumer, Consumer)}, gzipped or plain. */
    public BackupResult backup(List<Path> paths, boolean gzip, boolean verify, LongConsumer progress,
            Consumer<String> warnings) throws IOException {
        return backup(paths, gzip ? Compression.GZIP : Compression.NONE, verify, progress, warnings);
    }

    /**
     * Writes {@code paths} as a tar archive, compressed as asked, then optionally reads it back
     * and compares it byte for byte with what was sent.
     *
     * @throws VerifyException if the read-back differs
     */
    public BackupResult backup(List<Path> paths, Compression compression, boolean verify, LongConsumer progress,
            Consumer<String> warnings) throws IOException {
        int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC;
        Integer startFile = null;
        TarBackup.Result result;
        DigestingOutputStream digest;
        RecordOutputStream records = null;
        try (RemoteTape tape = RemoteTape.open(connector, device, flags, dialect)) {
            if (verify) {
                startFile = tapeFileNumber(tape);
            }
            records = new RecordOutputStream(tape, recordSize);
            digest = new DigestingOutputStream(records, verify);
            OutputStream sink = compression.compress(digest, recordSize);
            result = new TarBackup(sink, recordSize, progress, warnings).excluding(exclusions).habits(habits)
                    .stopWhen(stop).write(paths);
        } catch (BackupInterruptedException e) {
            // The tape is closed by now (C sent, so a tape got its filemark); the last record was padded.
            throw e.written(records.bytesWritten());
        }
        if (verify) {
            verify(startFile, digest.count(), digest.digest());
        }
        return new BackupResult(result, digest.count(), verify);
    }

    /** Lists the archive's members on {@code out}; returns how many. */
    public long list(PrintWriter out, boolean verbose) throws IOException {
        return list(out, verbose, MemberSelection.ALL);
    }

    /** Lists the members {@code selection} selects; see {@link MemberSelection#notFound()} after. */
    public long list(PrintWriter out, boolean verbose, MemberSelection selection) throws IOException {
        try (RemoteTape tape = openForReading()) {
            TarArchiveInputStream tar = ArchiveReader.open(records(tape), recordSize);
            return TarLister.list(tar, out, verbose, ZoneId.systemDefault(), selection);
        }
    }

    /** Extracts the archive (or only {@code members}) under {@code folder}. */
    public SafeExtractor.Result restore(Path folder, List<String> members, Consumer<String> warnings,
            Consumer<String> verbose) throws IOException {
        return restore(folder, members, Owners.defaultMode(), warnings, verbose);
    }

    /** As {@link #restore(Path, List, Consumer, Consumer)}, restoring owners as {@code owners} says. */
    public SafeExtractor.Result restore(Path folder, List<String> members, Owners.Mode owners,
            Consumer<String> warnings, Consumer<String> verbose) throws IOException {
        return restore(folder, new MemberSelection(members, false), owners, warnings, verbose);
    }

    /** Extracts the members {@code selection} selects under {@code folder}. */
    public SafeExtractor.Result restore(Path folder, MemberSelection selection, Owners.Mode owners,
            Consumer<String> warnings, Consumer<String> verbose) throws IOException {
        try (RemoteTape tape = openForReading()) {
            TarArchiveInputStream tar = ArchiveReader.open(records(tape), recordSize);
            return new SafeExtractor(folder, List.of(), warnings, verbose).selecting(selection).owners(owners)
                    .extract(tar);
        }
    }

    private RemoteTape openForReading() throws IOException {
        return RemoteTape.open(connector, device, OpenFlags.O_RDONLY, dialect);
    }

    private RecordInputStream records(RemoteTape tape) throws IOException {
        if (isPlainFile(tape)) {
            tape.readAheadOnPlainFile(); // never on a tape: see ReadAhead
        }
        return new RecordInputStream(tape, Math.max(recordSize, RecordInputStream.DEFAULT_MAX_RECORD));
    }

    /**
     * Whether the open target is known to be a plain file: a status request answers ENOTTY. A
     * tape, or a server whose answer says neither, gets no read-ahead.
     */
    private static boolean isPlainFile(RemoteTape tape) throws IOException {
        try {
            tape.status();
            return false;
        } catch (RemoteTapeException e) {
            return e.errno() == Errno.ENOTTY.number();
        }
    }

    /** The tape file the archive starts in, or null for a plain file (which answers ENOTTY). */
    private static Integer tapeFileNumber(RemoteTape tape) throws IOException {
        try {
            int fileno = tape.status().fileno();
            return fileno >= 0 ? fileno : null;
        } catch (RemoteTapeException e) {
            if (e.errno() == Errno.ENOTTY.number()) {
                return null;
            }
            throw e;
        }
    }

    private void verify(Integer startFile, long length, byte[] expected) throws IOException {
        try (RemoteTape tape = openForReading()) {
            if (startFile != null) {
                // Back to the start of the archive's tape file: rewind, then skip whole files.
                tape.ioctl(MtOp.MTREW, 1);
                if (startFile > 0) {
                    tape.ioctl(MtOp.MTFSF, startFile);
                }
            }
            RecordInputStream in = records(tape);
            MessageDigest digest = DigestingOutputStream.sha256();
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                if (stop.getAsBoolean()) {
                    throw new IOException("interrupted during --verify: the archive was written whole ("
                            + length + " bytes) but only " + (length - left) + " bytes were compared");
                }
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new VerifyException("archive read back is " + (length - left) + " bytes, "
                            + length + " were written");
                }
                digest.update(buffer, 0, n);
                left -= n;
            }
            if (!MessageDigest.isEqual(expected, digest.digest())) {
                throw new VerifyException("archive read back differs from what was written");
            }
            if (startFile != null) {
                // Leave the tape where a backup without --verify leaves it: after the filemark,
                // so the next archive goes into the next tape file instead of over this mark.
                tape.ioctl(MtOp.MTFSF, 1);
            }
        }
    }

    /** The archive read back for --verify is not what was written. */
    public static final class VerifyException extends IOException {
        private static final long serialVersionUID = 1L;

        VerifyException(String message) {
            super(message);
        }
    }
}
