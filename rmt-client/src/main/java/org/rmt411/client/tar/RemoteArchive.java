package org.rmt411.client.tar;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.rmt411.client.RemoteTape;
import org.rmt411.client.RemoteTapeException;
import org.rmt411.client.RmtDialect;
import org.rmt411.client.io.RecordInputStream;
import org.rmt411.client.io.RecordOutputStream;
import org.rmt411.client.tar.incremental.IncrementalPlan;
import org.rmt411.client.tar.incremental.ListedIncremental;
import org.rmt411.client.transport.RmtTransport;
import org.rmt411.client.volume.VolumeChanger;
import org.rmt411.client.volume.VolumeReader;
import org.rmt411.client.volume.VolumeRequest;
import org.rmt411.client.volume.VolumeSet;
import org.rmt411.client.volume.VolumeWriter;
import org.rmt411.client.volume.Volumes;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.MtStatus;
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

    /**
     * Writes {@code paths} as a tar archive as {@code options} say; with verification, reads it
     * back and compares it byte for byte with what was sent.
     *
     * @throws VerifyException if the read-back differs
     */
    public BackupResult backup(List<Path> paths, BackupOptions options, Feedback feedback) throws IOException {
        ListedIncremental incremental = options.incremental();
        // Planned before the device is opened: a malformed snapshot file stops the backup there.
        IncrementalPlan plan = incremental == null ? null
                : incremental.plan(paths, options.exclusions(), feedback.warnings());
        BackupResult result = options.volumes() instanceof Volumes.Multi multi
                ? backupVolumes(paths, plan, options, multi.changer(), feedback)
                : backupOne(paths, plan, options, feedback);
        if (plan != null) {
            incremental.save(plan); // only once the archive is complete, as the next level relies on it
        }
        return result;
    }

    private BackupResult backupOne(List<Path> paths, IncrementalPlan plan, BackupOptions options, Feedback feedback)
            throws IOException {
        int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC;
        Integer startFile = null;
        TarBackup.Result result;
        DigestingOutputStream digest;
        RecordOutputStream records = null;
        try (RemoteTape tape = RemoteTape.open(connector, device, flags, dialect)) {
            if (options.verify()) {
                startFile = tapeFileNumber(tape);
            }
            records = new RecordOutputStream(tape, recordSize);
            digest = new DigestingOutputStream(records, options.verify());
            OutputStream sink = options.compression().compress(digest, recordSize);
            result = write(tarBackup(sink, options, feedback), paths, plan);
        } catch (BackupInterruptedException e) {
            // The tape is closed by now (C sent, so a tape got its filemark); the last record was padded.
            throw e.written(records.bytesWritten());
        }
        if (options.verify()) {
            verify(startFile, digest.count(), digest.digest());
        }
        return new BackupResult(result, digest.count(), options.verify());
    }

    /** Lists the archive's members on {@code out}; returns how many. */
    public long list(PrintWriter out, ListOptions options) throws IOException {
        return list(out, options, Feedback.SILENT);
    }

    /** As {@link #list(PrintWriter, ListOptions)}, telling {@code feedback} about volume warnings. */
    public long list(PrintWriter out, ListOptions options, Feedback feedback) throws IOException {
        try (InputStream in = archiveStream(options.volumes(), VolumeRequest.Subcommand.LIST, feedback)) {
            return TarLister.list(tarReader(in, options.volumes()), out, options.verbose(), ZoneId.systemDefault(),
                    options.selection(), options.incremental());
        }
    }

    /** Extracts the archive (or only the members {@code options} names) under {@code folder}. */
    public SafeExtractor.Result restore(Path folder, RestoreOptions options, Feedback feedback) throws IOException {
        try (InputStream in = archiveStream(options.volumes(), VolumeRequest.Subcommand.EXTRACT, feedback)) {
            return new SafeExtractor(folder, List.of(), feedback.warnings(), feedback.names())
                    .selecting(options.selection()).owners(options.owners()).incremental(options.incremental())
                    .extract(tarReader(in, options.volumes()));
        }
    }

    private TarBackup tarBackup(OutputStream sink, BackupOptions options, Feedback feedback) {
        return new TarBackup(sink, recordSize, feedback.progress(), feedback.warnings())
                .excluding(options.exclusions()).habits(options.habits()).stopWhen(feedback.stop());
    }

    /** The paths whole, or the incremental level planned for them. */
    private static TarBackup.Result write(TarBackup tar, List<Path> paths, IncrementalPlan plan) throws IOException {
        return plan == null ? tar.write(paths) : tar.write(plan);
    }

    /**
     * A backup across volumes (see {@link VolumeWriter}), with no compression and no
     * verification, which GNU tar refuses for multi-volume archives too.
     */
    private BackupResult backupVolumes(List<Path> paths, IncrementalPlan plan, BackupOptions options,
            VolumeChanger changer, Feedback feedback) throws IOException {
        VolumeSet set = new VolumeSet((name, flags) -> RemoteTape.open(connector, name, flags, dialect), device,
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, changer, VolumeRequest.Subcommand.CREATE,
                recordSize / RecordOutputStream.TAR_BLOCK);
        VolumeWriter writer = new VolumeWriter(set, recordSize);
        try {
            TarBackup.Result result = write(tarBackup(writer, options, feedback), paths, plan);
            return new BackupResult(result, writer.bytesWritten(), false);
        } catch (BackupInterruptedException e) {
            throw e.written(writer.bytesWritten());
        } finally {
            set.close();
        }
    }

    /** The archive's bytes: one session, or every volume of a set one after the other. */
    private InputStream archiveStream(Volumes volumes, VolumeRequest.Subcommand subcommand, Feedback feedback)
            throws IOException {
        int maxRecord = Math.max(recordSize, RecordInputStream.DEFAULT_MAX_RECORD);
        if (volumes instanceof Volumes.Multi multi) {
            VolumeSet set = new VolumeSet((name, flags) -> RemoteTape.open(connector, name, flags, dialect),
                    device, OpenFlags.O_RDONLY, multi.changer(), subcommand, recordSize / RecordOutputStream.TAR_BLOCK);
            return new VolumeReader(set, maxRecord, feedback.warnings());
        }
        RemoteTape tape = openForReading();
        return new FilterInputStream(records(tape)) {
            @Override
            public void close() throws IOException {
                tape.close();
            }
        };
    }

    /** A tar reader; a multi-volume set is never compressed (GNU tar cannot write one either). */
    private TarArchiveInputStream tarReader(InputStream in, Volumes volumes) throws IOException {
        return volumes.isMulti() ? new TarArchiveInputStream(in, recordSize, "UTF-8")
                : ArchiveReader.open(in, recordSize);
    }

    private RemoteTape openForReading() throws IOException {
        return RemoteTape.open(connector, device, OpenFlags.O_RDONLY, dialect);
    }

    private RecordInputStream records(RemoteTape tape) throws IOException {
        MtStatus status = statusOrNull(tape);
        if (status == null) {
            tape.readAheadOnPlainFile();
        } else {
            tape.readAheadOnTape(status.blockSize()); // never past a filemark: see ReadAhead
        }
        return new RecordInputStream(tape, Math.max(recordSize, RecordInputStream.DEFAULT_MAX_RECORD));
    }

    /**
     * The drive status, or null when the open target is known to be a plain file (a status
     * request answers ENOTTY). A server whose answer says neither is read as a tape: one at a
     * time unless it answers rmt411's records-ahead query.
     */
    private static MtStatus statusOrNull(RemoteTape tape) throws IOException {
        try {
            return tape.status();
        } catch (RemoteTapeException e) {
            return e.errno() == Errno.ENOTTY.number() ? null : new MtStatus(0, 0, 0, 0, 0, -1, -1);
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
