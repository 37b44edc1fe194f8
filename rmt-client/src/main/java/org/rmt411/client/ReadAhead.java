package org.rmt411.client;

import java.io.IOException;
import java.util.ArrayDeque;
import org.rmt411.protocol.RmtProtocolException;

/**
 * Pipelined {@code R} requests on a plain remote file: up to a depth of reads are in flight, so
 * reading back over a long link is not one round trip per record. After a short or empty read
 * (end of file) no more are sent.
 *
 * <p>Only for plain files: on a tape a read past a filemark moves into the next file, which
 * read-ahead must never cost the user, while on a file the only trace of reading ahead is the
 * file offset. Before any other request that offset is moved back over what was read ahead and
 * not consumed ({@code L} relative), so a seek, write or ioctl sees the file exactly where a
 * one-at-a-time reader would have left it.
 */
final class ReadAhead {
    /** Reads in flight: with 256 KiB records, 8 MiB, the bandwidth-delay product of 800 MB/s at 10 ms. */
    static final int DEPTH = 32;
    private static final int SEEK_CUR = 1;

    private final RemoteTape tape;
    private final ArrayDeque<Integer> inFlight = new ArrayDeque<>();
    private boolean ended;
    private byte[] scratch;

    ReadAhead(RemoteTape tape) {
        this.tape = tape;
    }

    /** One record, as {@link RemoteTape#read}, from the pipeline. */
    int read(byte[] b, int off, int len) throws IOException {
        if (!inFlight.isEmpty() && inFlight.peekFirst() != len) {
            settle(true); // a different record size: start over from where the reader is
        }
        if (!ended) {
            while (inFlight.size() < DEPTH) {
                tape.encoder().read(len);
                inFlight.addLast(len);
            }
            tape.send();
        }
        int n = next(b, off);
        if (n < len) {
            ended = true; // end of file: what is still in flight answers 0
        }
        return n;
    }

    /**
     * Collects every read still in flight and, when {@code seekBack}, moves the file offset back
     * over them; called before any other request (without the seek before a close).
     */
    void settle(boolean seekBack) throws IOException {
        long unconsumed = 0;
        while (!inFlight.isEmpty()) {
            int count = inFlight.peekFirst();
            if (scratch == null || scratch.length < count) {
                scratch = new byte[count];
            }
            unconsumed += next(scratch, 0);
        }
        ended = false;
        if (seekBack && unconsumed > 0) {
            tape.encoder().seek(-unconsumed, SEEK_CUR, tape.dialect().seekOrder());
            tape.send();
            tape.nonNegative("seek back over read-ahead", tape.reply("seek back " + unconsumed + " bytes", 0));
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
