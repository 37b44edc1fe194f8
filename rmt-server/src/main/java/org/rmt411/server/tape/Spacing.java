package org.rmt411.server.tape;

import java.io.IOException;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.RmtException;

/**
 * The spacing ioctls. The image says where the tape stops, as a SCSI SPACE would: after the
 * n-th mark or record, after a filemark met spacing records forward, before one met going back,
 * at end of data (BLANK CHECK) or at BOT (EOM). The numbers and the eof state st then reports
 * are st's own bookkeeping (st.c {@code st_int_ioctl}), including the residual it subtracts
 * when SPACE stops early; those moves fail with EIO. Every count here is zero or positive.
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

    /**
     * MTFSF: after the n-th mark, fileno + n, block 0, ST_FM (also for n = 0, which does not
     * move). Into end of data: fileno + the marks crossed, block -1, ST_EOD, EIO.
     */
    static void forwardFiles(Cartridge c, DriveState s, int n) throws IOException {
        TapeIndex ix = c.index();
        int here = ix.marksBefore(s.offset);
        int ahead = ix.markCount() - here;
        if (n > ahead) {
            endOfData(ix, s);
            s.addFiles(ahead);
            throw new RmtException(Errno.EIO);
        }
        if (n > 0) {
            afterMark(ix, here + n - 1, s);
        }
        s.addFiles(n);
        s.blkno = 0;
        s.eof = StEof.FM;
    }

    /**
     * MTBSF: on the BOT side of the n-th mark back, fileno - n, block -1 (st cannot know it),
     * ST_NOEOF. Into BOT: fileno - the marks crossed, block 0, EIO.
     */
    static void backFiles(Cartridge c, DriveState s, int n) throws IOException {
        TapeIndex ix = c.index();
        int behind = ix.marksBefore(s.offset);
        s.eof = StEof.NOEOF;
        if (n > behind) {
            s.offset = 0;
            s.object = 0;
            s.addFiles(-behind);
            s.blkno = 0; // SENSE_EOM at BOT
            throw new RmtException(Errno.EIO);
        }
        if (n > 0) {
            beforeMark(ix, behind - n, s);
        }
        s.addFiles(-n);
        s.blkno = -1;
    }

    /** MTFSFM: MTFSF n, then MTBSF 1 (fileno + n - 1, block -1, ST_NOEOF). */
    static void forwardFilesBeforeMark(Cartridge c, DriveState s, int n) throws IOException {
        forwardFiles(c, s, n);
        backFiles(c, s, 1);
    }

    /** MTBSFM: MTBSF n, then MTFSF 1 (fileno - n + 1, block 0, ST_FM). */
    static void backFilesAfterMark(Cartridge c, DriveState s, int n) throws IOException {
        backFiles(c, s, n);
        forwardFiles(c, s, 1);
    }

    /**
     * MTFSR: block + n, ST_NOEOF. A filemark stops it after the mark: fileno + 1, block 0,
     * ST_FM, EIO. End of data stops it there: block + the records crossed, ST_EOD, EIO.
     */
    static void forwardRecords(Cartridge c, DriveState s, int n) throws IOException {
        long eod = c.index().endOfData();
        s.eof = StEof.NOEOF;
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
                s.addFiles(1);
                s.blkno = 0;
                s.eof = StEof.FM;
            } else if (o.kind() == TapeObject.Kind.END_OF_DATA) {
                s.addBlocks(i); // st: block + n - residual, or -1 when that is negative
                s.eof = StEof.EOD;
            }
            throw new RmtException(Errno.EIO);
        }
        s.addBlocks(n);
    }

    /**
     * MTBSR: block - n, ST_NOEOF. A filemark stops it on the mark's BOT side: fileno - 1 (st
     * does not check that it knew it), block -1, EIO. BOT stops it: block - the records
     * crossed, EIO.
     */
    static void backRecords(Cartridge c, DriveState s, int n) throws IOException {
        s.eof = StEof.NOEOF;
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
                s.fileno--;
                s.blkno = -1;
            } else if (o.kind() == TapeObject.Kind.BEGINNING) {
                // SENSE_EOM makes drv_block 0, then st adds the residual to its own target.
                int target = s.blkno >= 0 ? s.blkno - n : s.blkno;
                s.blkno = target + (n - i);
            }
            throw new RmtException(Errno.EIO);
        }
        s.addBlocks(-n);
    }

    /**
     * MTEOM: st spaces forward over every filemark (its default, not MT_ST_FAST_MTEOM) until
     * BLANK CHECK: fileno + the marks crossed, block -1, ST_EOD, and success.
     */
    static void toEnd(TapeIndex ix, DriveState s) {
        int ahead = ix.markCount() - ix.marksBefore(s.offset);
        endOfData(ix, s);
        s.addFiles(ahead);
    }

    /**
     * MTSEEK: before object {@code target}; st's {@code set_location} forgets file and block
     * (-1) and the eof state, except that block 0 is BOT (0, 0). Past end of data: EIO there.
     */
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
        s.eof = StEof.NOEOF;
        if (object < target) {
            s.fileno = -1;
            s.blkno = -1;
            throw new RmtException(Errno.EIO);
        }
        s.fileno = target == 0 ? 0 : -1;
        s.blkno = target == 0 ? 0 : -1;
    }

    /**
     * MTTELL, served as st's MTIOCPOS: the logical block address. It neither ends a write nor
     * changes the eof state; st's {@code get_location} sets file and block to 0 at BOT.
     */
    static long tell(DriveState s) {
        if (s.object == 0) {
            s.fileno = 0;
            s.blkno = 0;
        }
        return s.object;
    }

    /** Stands at end of data with the block number unknown and st's ST_EOD. */
    static void endOfData(TapeIndex ix, DriveState s) {
        s.offset = ix.endOfData();
        s.object = ix.objects();
        s.blkno = -1;
        s.eof = StEof.EOD;
    }

    private static void afterMark(TapeIndex ix, int mark, DriveState s) {
        s.offset = ix.markOffset(mark) + SimhFormat.WORD;
        s.object = ix.markObject(mark) + 1;
    }

    private static void beforeMark(TapeIndex ix, int mark, DriveState s) {
        s.offset = ix.markOffset(mark);
        s.object = ix.markObject(mark);
    }
}
