package org.rmt411.server.tape;

import java.io.IOException;
import java.util.List;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.RmtException;
import org.rmt411.server.device.Payload;

/**
 * One open of a tape drive: Linux st(4) semantics over a mounted {@link Cartridge}. Each rule
 * names the st behaviour it reproduces (st.rst, st.4, st.c); {@code docs/virtual-tape.md} lists
 * them all.
 */
final class TapeDrive {
    private final DriveState state;
    private final boolean openForWrite;
    private final boolean rewinding;
    private final Autoloader autoloader;
    private Cartridge cartridge;
    /** st's {@code STps->rw == ST_WRITING}: close, rewind and the like write a filemark first. */
    private boolean lastWasWrite;
    private long marksWritten;
    /** False while no tape has been seen since open: st then reports block size and density 0. */
    private boolean modeSensed;

    TapeDrive(DriveState state, Cartridge cartridge, boolean openForWrite, boolean rewinding, Autoloader autoloader) {
        this.state = state;
        this.cartridge = cartridge;
        this.openForWrite = openForWrite;
        this.rewinding = rewinding;
        this.autoloader = autoloader;
        this.modeSensed = cartridge != null;
        if (cartridge == null) {
            state.noTape();
        } else {
            state.settle(cartridge.index());
        }
    }

    /** Filemarks written since this open, the closing one included. */
    long marksWritten() {
        return marksWritten;
    }

    DriveState state() {
        return state;
    }

    Cartridge cartridge() {
        return cartridge;
    }

    /** R: the records to send (see {@link TapeReader}); reading ends a write. */
    List<TapeObject> read(long count) throws IOException {
        Cartridge c = loaded();
        lastWasWrite = false;
        return TapeReader.read(c, state, count);
    }

    /**
     * W: one record (variable mode) or whole blocks (fixed mode, EINVAL otherwise), written at
     * the position, which becomes the new end of data. Capacity follows st's early-warning rule.
     * The payload streams into the image; if it is cut short (or the image fails) every record
     * of this W is taken back and the position stays where it was.
     */
    void write(Payload data) throws IOException {
        Cartridge c = writableCartridge();
        int size = state.blockSize;
        long len = data.length();
        if (len == 0) {
            return;
        }
        if ((size > 0 && len % size != 0) || (size == 0 && len > SimhFormat.MAX_RECORD)) {
            throw new RmtException(Errno.EINVAL);
        }
        if (state.eof == StEof.EOM_OK) {
            state.eof = StEof.EOD_1; // st_write: refused after early warning, the next one goes
            throw new RmtException(Errno.ENOSPC);
        }
        int recordLength = size > 0 ? size : (int) len;
        long records = len / recordLength;
        long span = records * SimhFormat.recordSpan(recordLength);
        long capacity = c.capacity();
        if (capacity > 0 && state.offset + span > capacity) {
            state.eof = StEof.EOM_OK; // VOLUME OVERFLOW: st_write's EOM with all undone
            throw new RmtException(Errno.ENOSPC); // physical end: nothing is written
        }
        long offset = state.offset;
        long object = state.object;
        try {
            for (long i = 0; i < records; i++) { // fixed-block mode: one tape block per block-size slice
                offset = c.writeRecord(offset, object, data, recordLength);
                object++;
            }
        } catch (IOException | RuntimeException e) {
            c.cutAt(state.offset, state.object); // no partial record, nothing of this W
            throw e;
        }
        state.offset = offset;
        state.object = object;
        state.addBlocks(records);
        lastWasWrite = true;
        if (capacity > 0 && state.offset >= capacity - c.earlyWarning()) {
            state.eof = StEof.EOM_OK; // the write that reaches early warning completes
        } else {
            state.eof = state.eof == StEof.EOD_1 ? StEof.EOM_OK : StEof.NOEOF;
        }
    }

    /**
     * The headroom query ({@link org.rmt411.protocol.Headroom}): record bytes that can still be
     * written here before early warning, so that every one of them completes (the write that
     * reaches early warning also completes, but a client asking this writes that one and what
     * follows one at a time). An unlimited cartridge is bounded by its file system's free space.
     * In fixed-block mode the answer is in whole blocks, each charged the client's per-record
     * overhead, since every block is a record of its own on the tape.
     */
    long headroom() throws IOException {
        Cartridge c = writableCartridge();
        if (state.eof == StEof.EOM_OK) {
            return 0;
        }
        long capacity = c.capacity();
        long room = capacity > 0 ? capacity - c.earlyWarning() - state.offset
                : c.image().room();
        room = Math.max(0, room);
        int size = state.blockSize;
        if (size > 0) {
            return room / (size + org.rmt411.protocol.Headroom.RECORD_OVERHEAD) * size;
        }
        return room;
    }

    /** The records-ahead query ({@link org.rmt411.protocol.RecordsAhead}): see {@link TapeReader#recordsAhead}. */
    long recordsAhead() throws IOException {
        return TapeReader.recordsAhead(loaded(), state);
    }

    /**
     * MTWEOF / MTWEOFI: n marks at the position, then the synchronisation point. st counts
     * fileno + n and sets block 0 even for n = 0, and ST_NOEOF (st_int_ioctl).
     */
    private void writeMarks(int count) throws IOException {
        Cartridge c = writableCartridge();
        if (count < 0) {
            throw new RmtException(Errno.EINVAL);
        }
        for (int i = 0; i < count; i++) {
            state.offset = c.writeMark(state.offset, state.object);
            state.object++;
            marksWritten++;
        }
        state.addFiles(count);
        state.blkno = 0;
        state.eof = StEof.NOEOF;
        lastWasWrite = false;
        c.sync();
    }

    /** st writes a filemark before rewind, offline, BSF, BSFM or seek right after a write. */
    private boolean closeFileIfWriting() throws IOException {
        if (!lastWasWrite) {
            return false;
        }
        writeMarks(1);
        return true;
    }

    /** Serves {@code I}/{@code i} with a Linux op; returns the {@code A} value. */
    long ioctl(int op, int count) throws IOException {
        switch (op) {
            case MtOp.MTNOP:
                return count;
            case MtOp.MTSETBLK:
                if (count < 0 || count > SimhFormat.MAX_RECORD) {
                    throw new RmtException(Errno.EINVAL);
                }
                state.blockSize = count;
                return count;
            case MtOp.MTSETDENSITY:
                state.density = count & 0xff;
                return count;
            case MtOp.MTCOMPRESSION:
                lastWasWrite = false; // st_ioctl: ST_IDLE, so close writes no filemark
                state.compression = count != 0;
                return count;
            case MtOp.MTLOCK:
            case MtOp.MTUNLOCK:
                lastWasWrite = false; // st_ioctl: every op but NOP, SETBLK, SETDENSITY: ST_IDLE
                state.locked = op == MtOp.MTLOCK;
                return count;
            case MtOp.MTSETDRVBUFFER:
                throw new RmtException(Errno.EPERM); // st: needs CAP_SYS_ADMIN
            case MtOp.MTLOAD:
                load();
                return count;
            default:
                return motion(op, count);
        }
    }

    private long motion(int op, int count) throws IOException {
        Cartridge c = loaded();
        switch (op) {
            case MtOp.MTWEOF:
            case MtOp.MTWEOFI:
                writeMarks(count);
                return count;
            case MtOp.MTREW:
            case MtOp.MTRETEN:
                rewind(c);
                return count;
            case MtOp.MTOFFL:
            case MtOp.MTUNLOAD:
                unload(c);
                return count;
            case MtOp.MTERASE:
                writableCartridge();
                lastWasWrite = false; // nothing is left to close with a filemark
                c.cutAt(state.offset, state.object);
                rewind(c);
                return count;
            case MtOp.MTTELL:
                return Spacing.tell(state);
            case MtOp.MTSEEK:
                closeFileIfWriting();
                Spacing.seek(c, state, count);
                return count;
            default:
                space(c, op, count);
                return count;
        }
    }

    private void space(Cartridge c, int op, int count) throws IOException {
        if (count < 0) {
            space(c, Spacing.opposite(op, count), -count); // st spaces backwards for a negative count
            return;
        }
        boolean wroteMark = (op == MtOp.MTBSF || op == MtOp.MTBSFM) && closeFileIfWriting();
        lastWasWrite = false;
        int n = wroteMark ? count + 1 : count; // st steps back over the mark it just wrote
        switch (op) {
            case MtOp.MTFSF -> Spacing.forwardFiles(c, state, n);
            case MtOp.MTBSF -> Spacing.backFiles(c, state, n);
            case MtOp.MTFSFM -> Spacing.forwardFilesBeforeMark(c, state, n);
            case MtOp.MTBSFM -> Spacing.backFilesAfterMark(c, state, n);
            case MtOp.MTFSR -> Spacing.forwardRecords(c, state, n);
            case MtOp.MTBSR -> Spacing.backRecords(c, state, n);
            case MtOp.MTEOM -> Spacing.toEnd(c.index(), state);
            default -> throw new RmtException(Errno.ENOSYS); // setmarks, MTRESET, partitions
        }
    }

    private void rewind(Cartridge c) throws IOException {
        closeFileIfWriting();
        lastWasWrite = false;
        state.rewind();
        c.sync();
    }

    /**
     * MTOFFL: rewind, unlock the door as st does, unload, and let the autoloader feed the next.
     * st's {@code do_load_unload} leaves its file and block numbers and eof state as they were
     * until the next open of the empty drive, so only the position in the image is reset.
     */
    private void unload(Cartridge c) throws IOException {
        closeFileIfWriting();
        c.sync();
        state.offset = 0;
        state.object = 0;
        state.locked = false;
        String barcode = c.barcode();
        boolean wasBlank = c.index().objects() == 0;
        cartridge = null;
        state.cartridge = null;
        c.close();
        mount(autoloader.next(barcode, wasBlank));
    }

    /** MTLOAD: feed a cartridge into an empty drive; a loaded one is positioned at BOT. */
    private void load() throws IOException {
        if (cartridge != null) {
            rewind(cartridge);
            return;
        }
        mount(autoloader.load());
        if (cartridge == null) {
            throw new RmtException(Errno.ENOMEDIUM);
        }
    }

    /** A cartridge fed in: st's new tape session (check_tape) is file 0, block 0, ST_NOEOF. */
    private void mount(Cartridge next) {
        cartridge = next;
        lastWasWrite = false;
        if (next == null) {
            return;
        }
        state.cartridge = next.barcode();
        state.rewind();
        modeSensed = true;
    }

    /** MTIOCGET as st fills it (rmt-protocol.md §5.1). */
    MtStatus status() {
        return DriveStatus.of(state, cartridge, modeSensed);
    }

    /** Close: one filemark after a write, rewind on the rewinding device, then sync. */
    void close() throws IOException {
        Cartridge c = cartridge;
        if (c == null) {
            return;
        }
        try {
            if (closeFileIfWriting()) {
                state.eof = StEof.FM; // st_flush: the filemark written at close leaves ST_FM
            }
            if (rewinding) {
                state.rewind();
            }
        } finally {
            c.close();
        }
    }

    private Cartridge loaded() throws RmtException {
        if (cartridge == null) {
            throw new RmtException(Errno.ENOMEDIUM);
        }
        return cartridge;
    }

    /** st: writing on a tape opened read-only, or write-protected, fails with EACCES. */
    private Cartridge writableCartridge() throws RmtException {
        Cartridge c = loaded();
        if (!openForWrite || c.writeProtected()) {
            throw new RmtException(Errno.EACCES);
        }
        return c;
    }
}
