package org.rmt411.server.tape;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Properties;

/**
 * What a drive remembers between opens, and between processes: a real non-rewinding drive keeps
 * its cartridge and position from one {@code mt} command to the next, and with rsh or ssh every
 * command is a new server process. Kept as a Properties file that is also the drive's lock.
 */
final class DriveState {
    /** Barcode of the loaded cartridge, or {@code null} for an empty drive. */
    String cartridge;
    /** Byte offset in the image. */
    long offset;
    /** Objects (records and marks) before the position: the logical block address. */
    long object;
    /**
     * st's {@code drv_file}: the file number as st counts it, -1 when st does not know it (after
     * MTSEEK, or an open of an empty drive). Kept as a counter, not derived from the image,
     * because st's own bookkeeping is what MTIOCGET reports (st.c {@code st_int_ioctl}).
     */
    int fileno;
    /** st's {@code drv_block}: the block number within the file, -1 when st does not know it. */
    int blkno;
    /**
     * True when the state file predates {@code fileno}/{@code blkno}: the drive derives them
     * from the image and the old {@code fileKnown}/{@code blockKnown} flags at the next open.
     */
    boolean legacyPosition;
    /** For {@link #legacyPosition}: false after MTSEEK (file -1). */
    boolean fileKnown = true;
    /** For {@link #legacyPosition}: false after MTBSF and similar (block -1). */
    boolean blockKnown = true;
    /** st's {@code STps->eof}: kept across opens as st keeps it, so GMT_EOD/EOT survive. */
    StEof eof = StEof.NOEOF;
    /** MTSETBLK: 0 is variable-block mode. */
    int blockSize;
    /** MTSETDENSITY: remembered and reported in mt_dsreg. */
    int density;
    /** MTCOMPRESSION: accepted and reported (the image is never compressed). */
    boolean compression;
    /** MTLOCK / MTUNLOCK: the door lock. */
    boolean locked;
    /** The session holding the drive while one does, for the operator's refusals; else null. */
    DriveHolder holder;

    /** Moves to BOT as MTREW or a new tape session does: file 0, block 0, no eof condition. */
    void rewind() {
        offset = 0;
        object = 0;
        fileno = 0;
        blkno = 0;
        eof = StEof.NOEOF;
    }

    /** An open that finds the drive empty: st's check_tape sets file and block to -1. */
    void noTape() {
        fileno = -1;
        blkno = -1;
        legacyPosition = false;
    }

    /**
     * An open that finds {@code ix}'s cartridge: derives st's counters for a state file that
     * predates them, and stands at end of data when the image was cut behind the drive's back
     * (torn-tail repair, operator), where st too would have lost the block number.
     */
    void settle(TapeIndex ix) {
        if (legacyPosition) {
            int file = ix.marksBefore(offset);
            long firstOfFile = file == 0 ? 0 : ix.markObject(file - 1) + 1;
            fileno = fileKnown ? file : -1;
            blkno = blockKnown ? (int) (object - firstOfFile) : -1;
            legacyPosition = false;
        }
        if (offset > ix.endOfData() || object > ix.objects()) {
            boolean fileLost = fileno < 0;
            Spacing.endOfData(ix, this);
            fileno = fileLost ? -1 : ix.marksBefore(offset);
            eof = StEof.NOEOF;
        }
    }

    /** st: a file number moves only while it is known ({@code if (fileno >= 0) fileno += n}). */
    void addFiles(int n) {
        if (fileno >= 0) {
            fileno += n;
        }
    }

    /** st: a block number moves only while it is known. */
    void addBlocks(long n) {
        if (blkno >= 0) {
            blkno = (int) (blkno + n);
        }
    }

    /** Reads the state from the start of {@code channel}; an empty file is a drive never used. */
    static DriveState read(FileChannel channel) throws IOException {
        return parse(readAll(channel));
    }

    /** The whole (small) file behind {@code channel}. */
    static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, 1 << 16));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // keep reading: a positional read may return fewer bytes than asked
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** The state in {@code bytes} (a state file's content); null for none, a drive never used. */
    static DriveState parse(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return null;
        }
        DriveState s = new DriveState();
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(bytes));
        try {
            String barcode = p.getProperty("cartridge", "").trim();
            s.cartridge = barcode.isEmpty() ? null : barcode;
            s.offset = Long.parseLong(p.getProperty("offset", "0"));
            s.object = Long.parseLong(p.getProperty("object", "0"));
            s.fileKnown = Boolean.parseBoolean(p.getProperty("fileKnown", "true"));
            s.blockKnown = Boolean.parseBoolean(p.getProperty("blockKnown", "true"));
            // Written by a version without st's counters: derive them at the next open.
            s.legacyPosition = p.getProperty("fileno") == null;
            s.fileno = Integer.parseInt(p.getProperty("fileno", "0"));
            s.blkno = Integer.parseInt(p.getProperty("blkno", "0"));
            s.eof = StEof.parse(p.getProperty("eof", StEof.NOEOF.name()));
            s.blockSize = Integer.parseInt(p.getProperty("blockSize", "0"));
            s.density = Integer.parseInt(p.getProperty("density", "0"));
            s.compression = Boolean.parseBoolean(p.getProperty("compression", "false"));
            s.locked = Boolean.parseBoolean(p.getProperty("locked", "false"));
            s.holder = DriveHolder.load(p);
        } catch (IllegalArgumentException e) { // a bad number or an unknown eof name
            throw new IOException("unreadable drive state: " + e.getMessage(), e);
        }
        return s;
    }

    /** Replaces the file's content in place (the file is the lock, so it is not renamed). */
    void write(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(toBytes());
        channel.truncate(0);
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
    }

    /** The state as a state file holds it. */
    byte[] toBytes() throws IOException {
        Properties p = new Properties();
        p.setProperty("cartridge", cartridge == null ? "" : cartridge);
        p.setProperty("offset", Long.toString(offset));
        p.setProperty("object", Long.toString(object));
        // fileKnown/blockKnown stay for an older server reading this file after a downgrade.
        p.setProperty("fileKnown", Boolean.toString(fileno >= 0));
        p.setProperty("blockKnown", Boolean.toString(blkno >= 0));
        p.setProperty("fileno", Integer.toString(fileno));
        p.setProperty("blkno", Integer.toString(blkno));
        p.setProperty("eof", eof.name());
        p.setProperty("blockSize", Integer.toString(blockSize));
        p.setProperty("density", Integer.toString(density));
        p.setProperty("compression", Boolean.toString(compression));
        p.setProperty("locked", Boolean.toString(locked));
        if (holder != null) {
            holder.store(p);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.store(bytes, "rmt411 drive state");
        return bytes.toByteArray();
    }
}
