package org.rmt411.server.tape;

import java.io.IOException;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.RmtException;

/**
 * The spacing ioctls with the post-conditions st(4) documents (st.rst "IOCTLs", st.c
 * {@code st_int_ioctl}). Files are spaced through the mark index, records by walking the image.
 * A move that runs into BOT or end of data stops there and fails with EIO, as st reports a
 * SCSI SPACE that hits BOT or BLANK CHECK. Every count here is positive.
 */
final class Spacing {
    private Spacing() {
    }

    /**
     * The op that spaces the other way, for a negative count.
     *
     * @throws RmtException EINVAL for ops without a direction, or a count that cannot be negated
     */
    static int opposite(int op, int count) throws RmtException {
        int opposite = op == MtOp.MTFSF ? MtOp.MTBSF : op == MtOp.MTBSF ? MtOp.MTFSF
                : op == MtOp.MTFSR ? MtOp.MTBSR : op == MtOp.MTBSR ? MtOp.MTFSR : -1;
        if (opposite < 0 || count == Integer.MIN_VALUE) {
            throw new RmtException(Errno.EINVAL);
        }
        return opposite;
    }

    /** MTFSF: after the n-th mark (fileno += n, blkno 0). */
    static void forwardFiles(Cartridge c, DriveState s, int n) throws IOException {
        TapeIndex ix = c.index();
        int target = ix.marksBefore(s.offset) + n - 1;
        if (target >= ix.markCount()) {
            toEnd(ix, s);
            throw new RmtException(Errno.EIO);
        }
        afterMark(ix, target, s);
    }

    /** MTFSFM: MTFSF, then back over the mark to its BOT side (fileno += n - 1, blkno -1). */
    static void forwardFilesBeforeMark(Cartridge c, DriveState s, int n) throws IOException {
        TapeIndex ix = c.index();
        int target = ix.marksBefore(s.offset) + n - 1;
        if (target >= ix.markCount()) {
            toEnd(ix, s);
            throw new RmtException(Errno.EIO);
        }
        beforeMark(ix, target, s);
    }

    /** MTBSF: before the n-th mark back, on its BOT side (fileno -= n, blkno -1 = unknown). */
    static void backFiles(Cartridge c, DriveState s, int n) throws IOException {
        TapeIndex ix = c.index();
        int target = ix.marksBefore(s.offset) - n;
        if (target < 0) {
            s.rewind();
            throw new RmtException(Errno.EIO);
        }
        beforeMark(ix, target, s);
    }

    /** MTBSFM: MTBSF, then forward over the mark (fileno -= n - 1, blkno 0). */
    static void backFilesAfterMark(Cartridge c, DriveState s, int n) throws IOException {
        TapeIndex ix = c.index();
        int target = ix.marksBefore(s.offset) - n;
        if (target < 0) {
            s.rewind();
            throw new RmtException(Errno.EIO);
        }
        afterMark(ix, target, s);
    }

    /** MTFSR: over n records; a mark stops the move after it (fileno + 1, blkno 0) with EIO. */
    static void forwardRecords(Cartridge c, DriveState s, int n) throws IOException {
        long eod = c.index().endOfData();
        for (int i = 0; i < n; i++) {
            TapeObject o = c.image().forward(s.offset, eod);
            if (o.kind() == TapeObject.Kind.RECORD) {
                s.offset = o.end();
                s.object++;
                continue;
            }
            if (o.kind() == TapeObject.Kind.MARK) {
                s.offset = o.end();
                s.object++;
                s.blockKnown = true;
            }
            throw new RmtException(Errno.EIO);
        }
    }

    /** MTBSR: back over n records; a mark stops the move on its BOT side (blkno -1) with EIO. */
    static void backRecords(Cartridge c, DriveState s, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            TapeObject o = c.image().backward(s.offset);
            if (o.kind() == TapeObject.Kind.RECORD) {
                s.offset = o.offset();
                s.object--;
                continue;
            }
            if (o.kind() == TapeObject.Kind.MARK) {
                s.offset = o.offset();
                s.object--;
                s.blockKnown = false;
            }
            throw new RmtException(Errno.EIO);
        }
    }

    /**
     * MTEOM: st spaces forward over every filemark (its default, not MT_ST_FAST_MTEOM), so the
     * file number stays valid and the tape ends up after the last mark, at end of data.
     */
    static void toEnd(TapeIndex ix, DriveState s) {
        s.offset = ix.endOfData();
        s.object = ix.objects();
        s.blockKnown = true;
    }

    /** MTSEEK: before object {@code target}; st reports file and block -1 afterwards. */
    static void seek(Cartridge c, DriveState s, long target) throws IOException {
        if (target < 0) {
            throw new RmtException(Errno.EINVAL);
        }
        TapeIndex ix = c.index();
        int mark = ix.markCount() - 1;
        while (mark >= 0 && ix.markObject(mark) >= target) {
            mark--;
        }
        long offset = mark < 0 ? 0 : ix.markOffset(mark) + SimhFormat.WORD;
        long object = mark < 0 ? 0 : ix.markObject(mark) + 1;
        while (object < target) {
            TapeObject o = c.image().forward(offset, ix.endOfData());
            if (o.kind() != TapeObject.Kind.RECORD) {
                break;
            }
            offset = o.end();
            object++;
        }
        s.offset = offset;
        s.object = object;
        s.fileKnown = false;
        s.blockKnown = false;
        if (object < target) {
            throw new RmtException(Errno.EIO);
        }
    }

    private static void afterMark(TapeIndex ix, int mark, DriveState s) {
        s.offset = ix.markOffset(mark) + SimhFormat.WORD;
        s.object = ix.markObject(mark) + 1;
        s.blockKnown = true;
    }

    private static void beforeMark(TapeIndex ix, int mark, DriveState s) {
        s.offset = ix.markOffset(mark);
        s.object = ix.markObject(mark);
        s.blockKnown = false;
    }
}
