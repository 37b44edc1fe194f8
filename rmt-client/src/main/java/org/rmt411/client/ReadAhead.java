package org.rmt411.client;

import java.io.IOException;
import java.util.ArrayDeque;
import org.rmt411.protocol.RmtProtocolException;

/**
 * Pipelined {@code R} requests: up to a depth of reads are in flight, so reading back over a
 * long link is not one round trip per record.
 *
 * <p>On a plain file, after a short or empty read (end of file) no more are sent, and before
 * any other request the file offset is moved back over what was read ahead and not consumed
 * ({@code L} relative), so a seek, write or ioctl sees the file exactly where a one-at-a-time
 * reader would have left it.
 *
 * <p>On a tape a read past a filemark moves into the next file, and spacing back over the mark
 * would leave st's block number unknown: read-ahead must never cost the user a position. So a
 * {@link RecordBudget} caps the reads in flight at the records left before the next filemark
 * (rmt411's records-ahead answer); the read that meets the mark goes alone, as a one-at-a-time
 * reader's would. Before any other request, close included, the records read ahead and not
 * consumed are spaced back over with MTBSR, which stays inside the file and keeps the block
 * number. Without the extension every read goes alone.
 */
final class ReadAhead {
    /** Reads in flight: with 256 KiB records, 8 MiB, the bandwidth-delay product of 800 MB/s at 10 ms. */
    static final int DEPTH = 32;
    private static final int SEEK_CUR = 1;

    private final RemoteTape tape;
    /** Null on a plain file; on a tape, how many reads may still go before the next filemark. */
    private final RecordBudget budget;
    private final ArrayDeque<Integer> inFlight = new ArrayDeque<>();
    private boolean ended;
    private byte[] scratch;
    /** Records the replies collected by the last settle moved over (tape only). */
    private long movedOver;

    ReadAhead(RemoteTape tape, RecordBudget budget) {
        this.tape = tape;
        this.budget = budget;
    }

    /** Reads sent and not yet answered to the reader (for tests: the tape cap is observable). */
    int inFlight() {
        return inFlight.size();
    }

    /** One record, as {@link RemoteTape#read}, from the pipeline. */
    int read(byte[] b, int off, int len) throws IOException {
        if (!inFlight.isEmpty() && inFlight.peekFirst() != len) {
            settle(true); // a different record size: start over from where the reader is
        }
        if (budget != null) {
            return readTape(b, off, len);
        }
        if (!ended) {
            sendReads(DEPTH - inFlight.size(), len);
        }
        int n = next(b, off);
        if (n < len) {
            ended = true; // end of file: what is still in flight answers 0
        }
        return n;
    }

    /** A tape: as many reads as the budget allows, or this one alone (it may meet the mark). */
    private int readTape(byte[] b, int off, int len) throws IOException {
        if (inFlight.isEmpty()) {
            ended = false; // an error reply was the last in flight: start afresh
        }
        int n = ended ? 0 : budget.allow(DEPTH - inFlight.size(), len);
        if (inFlight.isEmpty() && n == 0) {
            budget.forget(); // at the mark, or no extension: one read as a stock client's
            n = 1;
        }
        sendReads(n, len);
        int got = next(b, off);
        if (got == 0) {
            budget.forget(); // a filemark (only a lone read gets here): a new file, ask again
        }
        return got;
    }

    private void sendReads(int count, int len) throws IOException {
        for (int i = 0; i < count; i++) {
            tape.encoder().read(len);
            inFlight.addLast(len);
        }
        if (count > 0) {
            tape.send();
        }
    }

    /**
     * Collects every read still in flight and, when {@code seekBack}, moves the file offset back
     * over them; called before any other request (without the seek before a close). A tape is
     * always spaced back: a non-rewinding drive keeps its position after the close.
     */
    void settle(boolean seekBack) throws IOException {
        long unconsumed = 0;
        movedOver = 0;
        while (!inFlight.isEmpty()) {
            int count = inFlight.peekFirst();
            if (scratch == null || scratch.length < count) {
                scratch = new byte[count];
            }
            unconsumed += collect(count);
        }
        ended = false;
        if (budget != null) {
            spaceBack();
            return;
        }
        if (seekBack && unconsumed > 0) {
            tape.encoder().seek(-unconsumed, SEEK_CUR, tape.dialect().seekOrder());
            tape.send();
            tape.nonNegative("seek back over read-ahead", tape.reply("seek back " + unconsumed + " bytes", 0));
        }
    }

    /** One unconsumed reply into the scratch buffer; on a tape an error reply still moved the tape. */
    private int collect(int count) throws IOException {
        try {
            int n = next(scratch, 0);
            movedOver += budget == null ? 0 : budget.recordsMoved(n, false);
            return n;
        } catch (RemoteTapeException e) {
            if (budget == null || tape.isBroken()) {
                throw e;
            }
            movedOver += budget.recordsMoved(0, true);
            return 0;
        }
    }

    /** MTBSR over the records read ahead and not consumed: inside the file, block number kept. */
    private void spaceBack() throws IOException {
        budget.forget();
        if (movedOver > 0) {
            tape.spaceBackRecords((int) movedOver);
        }
    }

    /** The first reply in flight into {@code b}; an error reply is thrown (the rest stay in flight). */
    private int next(byte[] b, int off) throws IOException {
        int count = inFlight.removeFirst();
        long n;
        try {
            n = tape.reply("read " + count, count);
        } catch (RemoteTapeException e) {
            ended = true;
            throw e;
        }
        if (n < 0 || n > count) {
            throw tape.broken(new RmtProtocolException("server answered a read of " + count + " bytes with "
                    + n + " bytes: refusing (the CVE-2010-0624 class)"));
        }
        try {
            tape.decoder().readPayload(b, off, (int) n);
        } catch (IOException e) {
            throw tape.broken(e);
        }
        return (int) n;
    }
}
