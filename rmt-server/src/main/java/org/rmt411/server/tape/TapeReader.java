package org.rmt411.server.tape;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtException;

/**
 * The read side of a drive and st's read state (st.h): after a filemark, then the two zero-length
 * reads at end of data before EIO. Any write or move starts over ({@link #reset()}).
 */
final class TapeReader {
    /** st.h's read-side states: after a filemark, then the two zero reads at end of data. */
    private enum EofState { NONE, FILEMARK, EOD_1, EOD_2 }

    private EofState eof = EofState.NONE;

    /** Forgets the read state: the drive wrote or moved. */
    void reset() {
        eof = EofState.NONE;
    }

    /**
     * R: the records to send. Variable mode returns the whole next record, ENOMEM (skipping it)
     * when {@code count} is smaller (st.4 "Data transfer"); a filemark reads as nothing and
     * leaves the position after it; at end of data two reads return nothing, then EIO.
     */
    List<TapeObject> read(Cartridge c, DriveState state, long count) throws IOException {
        if (count == 0) {
            return List.of();
        }
        if (state.blockSize > 0) {
            return readFixed(c, state, count);
        }
        TapeObject o = c.image().forward(state.offset, c.index().endOfData());
        switch (o.kind()) {
            case RECORD:
                eof = EofState.NONE;
                state.offset = o.end();
                state.object++;
                if (o.bad()) {
                    throw new RmtException(Errno.EIO);
                }
                if (count < o.length()) {
                    throw new RmtException(Errno.ENOMEM);
                }
                return List.of(o);
            case MARK:
                crossMark(o, state);
                return List.of();
            case END_OF_DATA:
                return atEndOfData();
            default:
                throw new RmtException(Errno.EIO);
        }
    }

    /** Fixed-block mode: whole blocks up to {@code count}, stopping before a filemark. */
    private List<TapeObject> readFixed(Cartridge c, DriveState state, long count) throws IOException {
        int size = state.blockSize;
        if (count % size != 0) {
            throw new RmtException(Errno.EINVAL);
        }
        List<TapeObject> records = new ArrayList<>();
        while ((long) (records.size() + 1) * size <= count) {
            TapeObject o = c.image().forward(state.offset, c.index().endOfData());
            if (o.kind() == TapeObject.Kind.RECORD && o.length() == size && !o.bad()) {
                records.add(o);
                state.offset = o.end();
                state.object++;
                eof = EofState.NONE;
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
                return atEndOfData();
            }
            throw new RmtException(Errno.EIO);
        }
        return records;
    }

    private void crossMark(TapeObject mark, DriveState state) {
        state.offset = mark.end();
        state.object++;
        state.blockKnown = true;
        eof = EofState.FILEMARK;
    }

    private List<TapeObject> atEndOfData() throws RmtException {
        switch (eof) {
            case NONE:
                eof = EofState.EOD_1;
                return List.of();
            case FILEMARK:
            case EOD_1:
                eof = EofState.EOD_2;
                return List.of();
            default:
                throw new RmtException(Errno.EIO);
        }
    }
}
