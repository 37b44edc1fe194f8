package org.rmt411.client.volume;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.rmt411.client.RemoteTape;
import org.rmt411.client.RemoteTapeException;
import org.rmt411.client.WriteTally;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;

/**
 * Writes a tar stream in whole records across the volumes of a {@link VolumeSet}, as GNU tar's
 * {@code _gnu_flush_write}: when the drive refuses a record with ENOSPC (end of tape or its early
 * warning), the volume is closed, the next one made ready, and the refused record is written
 * again at its start, behind a {@link Continuation} (GNU's {@code 'M'} header, or its POSIX form for
 * long names) when it begins inside a member's data. The records after the change are thus
 * shifted by those header blocks, exactly as GNU tar shifts them.
 *
 * <p>Writes stay pipelined as in a single-volume backup, so several records are in flight when
 * one is refused. Past early warning st lets every other write through, so some of those may
 * have landed behind the gap; the writer spaces back over them ({@code MTBSR}) and ends the
 * volume with a filemark there ({@code MTWEOF}), which cuts them off, then sends every record
 * from the refused one on to the next volume. Records stay in memory until their write is
 * answered, at most the write window.
 */
public final class VolumeWriter extends OutputStream {
    private static final byte[] NONE = new byte[0];

    private final VolumeSet volumes;
    private final int recordSize;
    private final byte[] record;
    private final BlockTracker tracker = new BlockTracker();
    private final byte[] block = new byte[TarHeaders.BLOCK];
    /** The stream's part of each record sent on this volume and not yet known to be on it. */
    private final ArrayDeque<Part> unconfirmed = new ArrayDeque<>();
    /** Confirmed parts' buffers, reused: a backup allocates about a write window of them. */
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private long confirmed;
    /** Stream bytes not yet in a record: pending[pendingStart, pendingStart + pendingLength). */
    private byte[] pending;
    private int pendingStart;
    private int pendingLength;
    private byte[] prefix = NONE;
    private long bytesWritten;
    private boolean closed;

    /**
     * @param recordSize bytes per record, a multiple of 512
     */
    public VolumeWriter(VolumeSet volumes, int recordSize) {
        this.volumes = volumes;
        this.recordSize = recordSize;
        this.record = new byte[recordSize];
        this.pending = new byte[2 * recordSize];
    }

    /** Bytes the volumes hold so far, continuation headers and padding included. */
    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Part of a record that came from the tar stream (the rest is a continuation header or zeros). */
    private record Part(byte[] data, int length) {
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureRoom(len);
        System.arraycopy(b, off, pending, pendingStart + pendingLength, len);
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
            do {
                while (prefix.length + pendingLength > 0) {
                    writeRecord();
                }
            } while (!drained());
        } finally {
            volumes.close();
        }
    }

    private void writeRecord() throws IOException {
        int head = Math.min(prefix.length, recordSize);
        int fromStream = Math.min(pendingLength, recordSize - head);
        byte[] part = spare.isEmpty() ? new byte[recordSize] : spare.removeFirst();
        System.arraycopy(pending, pendingStart, part, 0, fromStream);
        unconfirmed.addLast(new Part(part, fromStream));
        byte[] out = part;
        if (fromStream < recordSize) {
            // Continuation headers in front, or the zero padding of the last record.
            System.arraycopy(prefix, 0, record, 0, head);
            System.arraycopy(pending, pendingStart, record, head, fromStream);
            Arrays.fill(record, head + fromStream, recordSize, (byte) 0);
            out = record;
        }
        pendingStart += fromStream;
        pendingLength -= fromStream;
        prefix = head == prefix.length ? NONE : Arrays.copyOfRange(prefix, head, prefix.length);
        RemoteTape tape = volumes.current();
        try {
            tape.write(out, 0, recordSize);
            confirm(tape.writeTally());
        } catch (RemoteTapeException e) {
            endOfVolume(tape, e);
        }
    }

    /** Waits for every answer on this volume; false when the volume ended meanwhile. */
    private boolean drained() throws IOException {
        RemoteTape tape = volumes.current();
        try {
            tape.flush();
            confirm(tape.writeTally());
            return true;
        } catch (RemoteTapeException e) {
            endOfVolume(tape, e);
            return false;
        }
    }

    /** Records answered as written, up to the first refused one, are on the volume for good. */
    private void confirm(WriteTally tally) {
        long onTape = tally.firstFailure() >= 0 ? tally.firstFailure() : tally.answered();
        while (confirmed < onTape) {
            Part part = unconfirmed.removeFirst();
            for (int at = 0; at < part.length(); at += TarHeaders.BLOCK) {
                System.arraycopy(part.data(), at, block, 0, TarHeaders.BLOCK);
                tracker.accept(block);
            }
            spare.addLast(part.data());
            confirmed++;
            bytesWritten += recordSize;
        }
    }

    private void endOfVolume(RemoteTape tape, RemoteTapeException refusal) throws IOException {
        if (refusal.errno() != Errno.ENOSPC.number()) {
            throw refusal;
        }
        drainQuietly(tape);
        WriteTally tally = tape.writeTally();
        confirm(tally);
        if (tally.firstFailure() < 0) {
            throw refusal; // not a refused write of this volume: nothing to continue
        }
        if (tally.firstFailure() == 0) {
            throw new IOException("volume " + volumes.volume() + " has no room for one record: "
                    + refusal.getMessage(), refusal);
        }
        if (tally.succeededAfterFailure() > 0) {
            // Records that landed behind the refused one: cut them off with the volume's filemark.
            tape.ioctl(MtOp.MTBSR, (int) tally.succeededAfterFailure());
            tape.ioctl(MtOp.MTWEOF, 1);
        }
        requeueUnconfirmed();
        volumes.next();
        prefix = continuation();
    }

    /** Collects the answers still in flight; their refusals are the same end of tape. */
    private static void drainQuietly(RemoteTape tape) throws IOException {
        try {
            tape.flush();
        } catch (RemoteTapeException e) {
            if (e.errno() != Errno.ENOSPC.number()) {
                throw e;
            }
        }
    }

    /** Puts the stream's part of every record not on the volume back in front of what waits. */
    private void requeueUnconfirmed() {
        int total = unconfirmed.stream().mapToInt(Part::length).sum();
        byte[] joined = new byte[Math.max(2 * recordSize, total + pendingLength)];
        int at = 0;
        for (Part part : unconfirmed) {
            System.arraycopy(part.data(), 0, joined, at, part.length());
            at += part.length();
            spare.addLast(part.data());
        }
        System.arraycopy(pending, pendingStart, joined, at, pendingLength);
        pending = joined;
        pendingStart = 0;
        pendingLength += total;
        unconfirmed.clear();
        confirmed = 0;
    }

    /** The continuation headers when the new volume starts inside a member's data; else nothing. */
    private byte[] continuation() {
        if (!tracker.inFileData()) {
            // A header, or an extended record's data, comes first: GNU tar writes no continuation then.
            return NONE;
        }
        return new Continuation(tracker.name(), tracker.size() - tracker.done(), tracker.done())
                .blocks(volumes.volume());
    }

    /** Room for {@code more} bytes after what waits, moving it to the front only when needed. */
    private void ensureRoom(int more) {
        if (pendingStart + pendingLength + more <= pending.length) {
            return;
        }
        byte[] target = pendingLength + more <= pending.length ? pending
                : new byte[Math.max(pending.length * 2, pendingLength + more)];
        System.arraycopy(pending, pendingStart, target, 0, pendingLength);
        pending = target;
        pendingStart = 0;
    }
}
