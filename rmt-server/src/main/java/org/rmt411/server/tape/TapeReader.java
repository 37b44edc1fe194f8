package org.rmt411.server.tape;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtException;

/**
 * The read side of a drive, with st's bookkeeping (st.c {@code st_read} and {@code read_tape}):
 * the block counter, the file counter at a filemark and the eof state at end of data, which
 * the drive keeps in {@link DriveState#eof}.
 */
final class TapeReader {
    private TapeReader() {
    }

    /**
     * R: the records to send. Variable mode returns the whole next record, ENOMEM (skipping it)
     * when {@code count} is smaller (st.4 "Data transfer"); a filemark reads as nothing and
     * leaves the position after it; end of data reads as nothing once right after a filemark,
     * else as EIO.
     */
    static List<TapeObject> read(Cartridge c, DriveState state, long count) throws IOException {
        if (count == 0) {
            return List.of();
        }
        if (state.blockSize > 0 && count % state.blockSize != 0) {
            throw new RmtException(Errno.EINVAL); // st_read: not a whole number of blocks
        }
        if (state.eof.endOfData()) {
            return pastEndOfData(state);
        }
        if (state.blockSize > 0) {
            return readFixed(c, state, count);
        }
        TapeObject o = c.image().forward(state.offset, c.index().endOfData());
        switch (o.kind()) {
            case RECORD:
                state.offset = o.end();
                state.object++;
                if (o.bad()) {
                    state.blkno = -1; // read_tape: a medium error makes st lose the block number
                    throw new RmtException(Errno.EIO);
                }
                state.addBlocks(1); // read_tape counts the block, also when it is too long
                if (count < o.length()) {
                    throw new RmtException(Errno.ENOMEM);
                }
                dataReturned(state);
                return List.of(o);
            case MARK:
                crossMark(o, state);
                return List.of();
            case END_OF_DATA:
                return atEndOfData(state);
            default:
                throw new RmtException(Errno.EIO);
        }
    }

    /**
     * The records-ahead query: data records (fixed-block mode: blocks) from the position to the
     * next filemark or end of data, from the mark index alone, no data read. Every one of them
     * can be read without crossing a mark, so a client keeping that many {@code R} in flight
     * leaves the tape where a one-at-a-time reader would. 0 at a mark, at or past end of data.
     */
    static long recordsAhead(Cartridge c, DriveState state) {
        if (state.eof.endOfData()) {
            return 0;
        }
        TapeIndex ix = c.index();
        int next = ix.marksBefore(state.offset); // marks wholly before: the next one is this index
        long stop = next < ix.markCount() ? ix.markObject(next) : ix.objects();
        return Math.max(0, stop - state.object);
    }

    /** Fixed-block mode: whole blocks up to {@code count}, stopping before a filemark. */
    private static List<TapeObject> readFixed(Cartridge c, DriveState state, long count) throws IOException {
        int size = state.blockSize;
        List<TapeObject> records = new ArrayList<>();
        while ((long) (records.size() + 1) * size <= count) {
            TapeObject o = c.image().forward(state.offset, c.index().endOfData());
            if (o.kind() == TapeObject.Kind.RECORD && o.length() == size && !o.bad()) {
                records.add(o);
                state.offset = o.end();
                state.object++;
                state.addBlocks(1);
                continue;
            }
            if (!records.isEmpty()) {
                break; // st returns the data before a filemark first, the mark on the next read
            }
            if (o.kind() == TapeObject.Kind.MARK) {
                crossMark(o, state);
                return records;
            }
            if (o.kind() == TapeObject.Kind.END_OF_DATA) {
                return atEndOfData(state);
            }
            throw new RmtException(Errno.EIO);
        }
        dataReturned(state);
        return records;
    }

    /** st_read: data returned after a filemark ends the ST_FM state. */
    private static void dataReturned(DriveState state) {
        if (state.eof == StEof.FM) {
            state.eof = StEof.NOEOF;
        }
    }

    /** read_tape and st_read: a filemark read is file + 1, block 0, state ST_FM. */
    private static void crossMark(TapeObject mark, DriveState state) {
        state.offset = mark.end();
        state.object++;
        state.addFiles(1);
        state.blkno = 0;
        state.eof = StEof.FM;
    }

    /**
     * read_tape meets BLANK CHECK: st loses the block number; right after a filemark it returns
     * nothing and enters ST_EOD (ST_EOD_2, which st_read advances), otherwise it fails with EIO.
     */
    private static List<TapeObject> atEndOfData(DriveState state) throws RmtException {
        state.blkno = -1;
        if (state.eof != StEof.FM) {
            throw new RmtException(Errno.EIO);
        }
        state.eof = StEof.EOD;
        return List.of();
    }

    /**
     * st_read in ST_EOD_1 or ST_EOD_2 returns nothing and moves one state on without touching
     * the tape; in ST_EOD it fails with EIO.
     */
    private static List<TapeObject> pastEndOfData(DriveState state) throws RmtException {
        if (state.eof == StEof.EOD) {
            throw new RmtException(Errno.EIO);
        }
        state.eof = StEof.values()[state.eof.ordinal() + 1];
        return List.of();
    }
}
