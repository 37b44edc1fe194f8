package org.rmt411.client.volume;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.rmt411.client.RemoteTapeException;
import org.rmt411.client.io.RecordInputStream;
import org.rmt411.protocol.Errno;

/**
 * Reads a multi-volume archive as one tar stream, as GNU tar's {@code try_new_volume}: at the end
 * of a volume (a filemark, end of file or ENOSPC) before the archive's end, the next volume is made
 * ready; its volume label ({@code 'V'}) is skipped, and its {@link Continuation} (an {@code 'M'}
 * header, or GNU's POSIX form) is checked against the member being read (name, size, offset) and
 * left out, so the reader behind sees the data continue. A continuation where no member's data
 * was cut is skipped, as GNU tar does.
 */
public final class VolumeReader extends InputStream {
    private final VolumeSet volumes;
    private final int maxRecord;
    private final Consumer<String> warnings;
    private final BlockTracker tracker = new BlockTracker();
    /** Blocks read ahead at a volume's start that turned out to be archive content. */
    private final ArrayDeque<byte[]> readAhead = new ArrayDeque<>();
    private byte[] block = new byte[TarHeaders.BLOCK];
    private RecordInputStream in;
    private int position = TarHeaders.BLOCK;
    private boolean end;
    private boolean started;

    /**
     * @param maxRecord the largest record to accept from the drive
     * @param warnings told when a continued name can only be matched by its first 100 bytes
     */
    public VolumeReader(VolumeSet volumes, int maxRecord, Consumer<String> warnings) {
        this.volumes = volumes;
        this.maxRecord = maxRecord;
        this.warnings = warnings;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == TarHeaders.BLOCK && !nextBlock()) {
            return -1;
        }
        int n = Math.min(len, TarHeaders.BLOCK - position);
        System.arraycopy(block, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        volumes.close();
    }

    private boolean nextBlock() throws IOException {
        if (end) {
            return false;
        }
        if (!readAhead.isEmpty()) {
            block = readAhead.removeFirst();
        } else if (!started) {
            started = true;
            if (!readBlock()) {
                end = true;
                return false;
            }
            // GNU tar -M -V labels every volume, the first one too ("LABEL Volume 1").
            if (isHeader(TarHeaders.VOLHDR)) {
                readBlockOfVolume();
            }
        } else if (!readBlock()) {
            if (tracker.ended()) {
                end = true;
                return false;
            }
            in = new RecordInputStream(volumes.next(), maxRecord);
            startOfVolume();
        }
        tracker.accept(block);
        position = 0;
        return true;
    }

    /** Skips the new volume's label and continuation, checking the latter; leaves its first content block. */
    private void startOfVolume() throws IOException {
        readBlockOfVolume();
        if (isHeader(TarHeaders.VOLHDR)) {
            readBlockOfVolume();
        }
        Continuation continued = null;
        if (isHeader(TarHeaders.MULTIVOL)) {
            continued = Continuation.fromMultivol(block);
            readBlockOfVolume();
        } else if (isHeader((byte) 'g')) {
            continued = posixContinuation();
        }
        if (tracker.inFileData()) {
            if (continued == null) {
                throw new IOException("'" + tracker.name() + "' is not continued on volume " + volumes.volume());
            }
            check(continued);
        }
    }

    /**
     * GNU's POSIX form: a global header with {@code GNU.volume.*} records, then the chunk's member
     * header (with its own PAX header), both skipped. A global header without those records is
     * archive content and goes to the reader behind.
     */
    private Continuation posixContinuation() throws IOException {
        ByteArrayOutputStream global = new ByteArrayOutputStream();
        ArrayDeque<byte[]> seen = new ArrayDeque<>();
        seen.add(block.clone());
        for (long left = TarHeaders.size(block); left > 0; left -= TarHeaders.BLOCK) {
            readBlockOfVolume();
            seen.add(block.clone());
            global.write(block, 0, (int) Math.min(left, TarHeaders.BLOCK));
        }
        byte[] data = global.toByteArray();
        Continuation continued = Continuation.fromGlobal(Pax.parse(data, data.length));
        if (continued == null) {
            block = seen.removeFirst();
            readAhead.addAll(seen);
            return null;
        }
        readBlockOfVolume();
        if (isHeader((byte) 'x')) {
            for (long left = TarHeaders.size(block); left > 0; left -= TarHeaders.BLOCK) {
                readBlockOfVolume();
            }
            readBlockOfVolume();
        }
        readBlockOfVolume(); // past the chunk's member header: its data is the member's rest
        return continued;
    }

    private void check(Continuation continued) throws IOException {
        String expected = tracker.name();
        if (!continued.name().equals(expected)) {
            if (continued.name().length() >= TarHeaders.NAME_FIELD && expected.startsWith(continued.name())) {
                warnings.accept("'" + expected
                        + "' is possibly continued on this volume: header contains truncated name");
            } else {
                throw new IOException("'" + expected + "' is not continued on volume " + volumes.volume()
                        + " (it continues '" + continued.name() + "')");
            }
        }
        if (continued.size() + continued.offset() != tracker.size()) {
            throw new IOException("'" + continued.name() + "' is the wrong size (" + tracker.size() + " != "
                    + continued.size() + " + " + continued.offset() + ")");
        }
        if (continued.offset() != tracker.done()) {
            throw new IOException("'" + expected + "' on volume " + volumes.volume() + " is out of sequence ("
                    + tracker.size() + " - " + (tracker.size() - tracker.done()) + " != " + continued.offset() + ")");
        }
    }

    private boolean isHeader(byte type) {
        return TarHeaders.type(block) == type && TarHeaders.checksumOk(block);
    }

    /** Reads the next block of a volume that must have one. */
    private void readBlockOfVolume() throws IOException {
        if (!readBlock()) {
            throw new IOException("volume " + volumes.volume() + " ends in its first headers");
        }
    }

    /** Reads one whole block of the current volume; false at its end. */
    private boolean readBlock() throws IOException {
        if (in == null) {
            in = new RecordInputStream(volumes.current(), maxRecord);
        }
        int got = 0;
        while (got < TarHeaders.BLOCK) {
            int n = readOrEnd(got);
            if (n < 0) {
                if (got == 0) {
                    return false;
                }
                throw new IOException("volume " + volumes.volume() + " ends inside a 512-byte block");
            }
            got += n;
        }
        return true;
    }

    /** A read; -1 at a filemark, end of file, or ENOSPC, which GNU tar also takes for the volume's end. */
    private int readOrEnd(int got) throws IOException {
        try {
            return in.read(block, got, TarHeaders.BLOCK - got);
        } catch (RemoteTapeException e) {
            if (e.errno() == Errno.ENOSPC.number()) {
                return -1;
            }
            throw e;
        }
    }
}
