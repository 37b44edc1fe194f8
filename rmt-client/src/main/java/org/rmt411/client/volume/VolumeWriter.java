package org.rmt411.client.volume;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.Consumer;
import org.rmt411.client.RemoteTapeException;
import org.rmt411.protocol.Errno;

/**
 * Writes a tar stream in whole records across the volumes of a {@link VolumeSet}, as GNU tar's
 * {@code _gnu_flush_write}: when the drive refuses a record with ENOSPC (end of tape or its early
 * warning), the volume is closed, the next one made ready, and the refused record is written
 * again at its start, behind a GNU {@code 'M'} header when it begins inside a member's data. The
 * records after the change are thus shifted by that header block, exactly as GNU tar shifts them.
 *
 * <p>Each record must be answered before the next is sent (the session's write window is 1): past
 * early warning st lets every other write succeed, so a write already in flight behind the
 * refused one would land on the old volume and leave a hole in the archive.
 */
public final class VolumeWriter extends OutputStream {
    private static final byte[] NONE = new byte[0];

    private final VolumeSet volumes;
    private final int recordSize;
    private final Consumer<String> warnings;
    private final byte[] record;
    private final BlockTracker tracker = new BlockTracker();
    private final byte[] block = new byte[TarHeaders.BLOCK];
    private byte[] pending;
    private int pendingLength;
    private byte[] prefix = NONE;
    private boolean freshVolume;
    private long bytesWritten;
    private boolean closed;

    /**
     * @param recordSize bytes per record, a multiple of 512
     * @param warnings told about names cut short in an {@code 'M'} header
     */
    public VolumeWriter(VolumeSet volumes, int recordSize, Consumer<String> warnings) {
        this.volumes = volumes;
        this.recordSize = recordSize;
        this.warnings = warnings;
        this.record = new byte[recordSize];
        this.pending = new byte[2 * recordSize];
    }

    /** Bytes sent to the volumes so far, continuation headers and padding included. */
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (pendingLength + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + len));
        }
        System.arraycopy(b, off, pending, pendingLength, len);
        pendingLength += len;
        while (prefix.length + pendingLength >= recordSize) {
            writeRecord();
        }
    }

    /** Writes what is left, the last record padded with zeros, and closes the last volume. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            while (prefix.length + pendingLength > 0) {
                writeRecord();
            }
        } finally {
            volumes.close();
        }
    }

    private void writeRecord() throws IOException {
        while (true) {
            int fromStream = Math.min(pendingLength, recordSize - prefix.length);
            System.arraycopy(prefix, 0, record, 0, prefix.length);
            System.arraycopy(pending, 0, record, prefix.length, fromStream);
            Arrays.fill(record, prefix.length + fromStream, recordSize, (byte) 0);
            try {
                volumes.current().write(record, 0, recordSize);
            } catch (RemoteTapeException e) {
                if (e.errno() != Errno.ENOSPC.number() || freshVolume) {
                    throw freshVolume ? new IOException("volume " + volumes.volume()
                            + " has no room for one record: " + e.getMessage(), e) : e;
                }
                changeVolume();
                continue;
            }
            consumed(fromStream);
            return;
        }
    }

    private void consumed(int fromStream) {
        for (int at = 0; at < fromStream; at += TarHeaders.BLOCK) {
            System.arraycopy(pending, at, block, 0, TarHeaders.BLOCK);
            tracker.accept(block);
        }
        System.arraycopy(pending, fromStream, pending, 0, pendingLength - fromStream);
        pendingLength -= fromStream;
        prefix = NONE;
        freshVolume = false;
        bytesWritten += recordSize;
    }

    private void changeVolume() throws IOException {
        volumes.next();
        freshVolume = true;
        if (!tracker.inFileData()) {
            // A header, or an extended record's data, comes first: GNU tar writes no 'M' header then.
            prefix = NONE;
            return;
        }
        String name = tracker.name();
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > TarHeaders.NAME_FIELD) {
            warnings.accept(name + ": file name too long to be stored in a GNU multivolume header, truncated");
        }
        prefix = TarHeaders.continuation(name, tracker.size() - tracker.done(), tracker.done());
    }
}
