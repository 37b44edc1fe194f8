package org.rmt411.client.volume;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.rmt411.client.RemoteTapeException;
import org.rmt411.client.io.RecordInputStream;
import org.rmt411.protocol.Errno;

/**
 * Reads a multi-volume archive as one tar stream, as GNU tar's {@code try_new_volume}: at the end
 * of a volume (a filemark, end of file or ENOSPC) before the archive's end, the next volume is made
 * ready; its volume label ({@code 'V'}) is skipped, and its {@code 'M'} header is checked against
 * the member being read (name, size, offset) and left out, so the reader behind sees the data
 * continue. An {@code 'M'} header where no member's data was cut is skipped, as GNU tar does.
 */
public final class VolumeReader extends InputStream {
    private final VolumeSet volumes;
    private final int maxRecord;
    private final Consumer<String> warnings;
    private final BlockTracker tracker = new BlockTracker();
    private final byte[] block = new byte[TarHeaders.BLOCK];
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
        if (!started) {
            started = true;
            if (!readBlock()) {
                end = true;
                return false;
            }
            // GNU tar -M -V labels every volume, the first one too ("LABEL Volume 1").
            if (isHeader(TarHeaders.VOLHDR) && !readBlock()) {
                throw new IOException("volume 1 holds only a label");
            }
        } else if (!readBlock()) {
            if (tracker.ended()) {
                end = true;
                return false;
            }
            in = new RecordInputStream(volumes.next(), maxRecord);
            if (!readBlock()) {
                throw new IOException("volume " + volumes.volume() + " is empty");
            }
            skipVolumeHeaders();
        }
        tracker.accept(block);
        position = 0;
        return true;
    }

    /** Skips the new volume's label and its continuation header, checking the latter. */
    private void skipVolumeHeaders() throws IOException {
        if (isHeader(TarHeaders.VOLHDR) && !readBlock()) {
            throw new IOException("volume " + volumes.volume() + " holds only a label");
        }
        if (isHeader(TarHeaders.MULTIVOL)) {
            if (tracker.inFileData()) {
                checkContinuation();
            }
            if (!readBlock()) {
                throw new IOException("volume " + volumes.volume() + " ends after its continuation header");
            }
        } else if (tracker.inFileData()) {
            throw new IOException("'" + tracker.name() + "' is not continued on volume " + volumes.volume());
        }
    }

    private void checkContinuation() throws IOException {
        String continued = TarHeaders.name(block);
        String expected = tracker.name();
        if (!continued.equals(expected)) {
            if (continued.length() >= TarHeaders.NAME_FIELD && expected.startsWith(continued)) {
                warnings.accept("'" + expected
                        + "' is possibly continued on this volume: header contains truncated name");
            } else {
                throw new IOException("'" + expected + "' is not continued on volume " + volumes.volume()
                        + " (it continues '" + continued + "')");
            }
        }
        long size = TarHeaders.size(block);
        long offset = TarHeaders.offset(block);
        if (size + offset != tracker.size()) {
            throw new IOException("'" + continued + "' is the wrong size (" + tracker.size() + " != " + size
                    + " + " + offset + ")");
        }
        if (offset != tracker.done()) {
            throw new IOException("'" + expected + "' on volume " + volumes.volume() + " is out of sequence ("
                    + tracker.size() + " - "
                    + (tracker.size() - tracker.done()) + " != " + offset + ")");
        }
    }

    private boolean isHeader(byte type) {
        return TarHeaders.type(block) == type && TarHeaders.checksumOk(block);
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
