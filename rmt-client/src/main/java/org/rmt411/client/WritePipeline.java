package org.rmt411.client;

import java.io.IOException;
import java.util.ArrayDeque;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtException;
import org.rmt411.protocol.RmtProtocolException;
import org.rmt411.protocol.RmtRequestEncoder;

/**
 * Pipelined {@code W} requests of one {@link RemoteTape}: up to a window of writes await their
 * replies, which are read in order. The window starts at the dialect's and is then sized from
 * the measured RTT and throughput ({@link WindowSizer}), so a link with 10 ms of RTT is kept as
 * full as loopback. Requests are not flushed one by one: the transport buffer
 * goes out when full, and everything goes out before the client waits for a reply, so each
 * syscall carries several records and the server never idles waiting for us.
 */
final class WritePipeline {
    private final RemoteTape tape;
    private final WindowSizer window;
    private final ArrayDeque<Integer> pending = new ArrayDeque<>();
    /** Send times of the pending writes, in the same order. */
    private final ArrayDeque<Long> sentAt = new ArrayDeque<>();
    private long pendingBytes;
    private long records;
    private long recordBytes;
    private RmtException deferred;
    /** Writes already sent when a write failed: their errors are the same failure, not news. */
    private int cascade;
    private long answered;
    private long firstFailure = -1;
    private long succeededAfterFailure;

    WritePipeline(RemoteTape tape, int window) {
        this.tape = tape;
        this.window = new WindowSizer(window);
    }

    /** Sends one W; when the window is full, collects replies down to half of it. */
    void write(RmtRequestEncoder encoder, byte[] b, int off, int len) throws IOException {
        throwDeferred();
        try {
            encoder.write(b, off, len);
            pending.addLast(len);
            sentAt.addLast(System.nanoTime());
            pendingBytes += len;
            records++;
            recordBytes += len;
            if (window.full(pending.size(), pendingBytes)) {
                encoder.flush();
            }
        } catch (IOException e) {
            // The server may have died after answering an earlier write with an error: report that.
            afterFailedSend(e);
        }
        if (window.full(pending.size(), pendingBytes)) {
            int half = pending.size() / 2;
            while (pending.size() > half) {
                collect();
            }
            window.roundEnds(System.nanoTime(), recordBytes / records);
        }
        throwDeferred();
    }

    /** Sends what is buffered, waits for every reply and throws the first error among them. */
    void drain() throws IOException {
        if (!pending.isEmpty()) {
            tape.send();
        }
        while (!pending.isEmpty()) {
            collect();
        }
        throwDeferred();
    }

    /** How the writes of this session were answered so far. */
    WriteTally tally() {
        return new WriteTally(answered, firstFailure, succeededAfterFailure);
    }

    private void collect() throws IOException {
        int expected = pending.removeFirst();
        long sent = sentAt.removeFirst();
        pendingBytes -= expected;
        boolean inCascade = cascade > 0;
        cascade = Math.max(0, cascade - 1);
        long n;
        try {
            n = tape.reply("write " + expected, 0);
        } catch (RemoteTapeException e) {
            if (tape.isBroken()) {
                throw e;
            }
            answered(false);
            if (!inCascade) {
                deferred = deferred == null ? e : deferred;
                cascade = pending.size();
            }
            return;
        }
        window.replied(expected, sent, System.nanoTime());
        if (n < 0 || n > expected) {
            throw tape.broken(new RmtProtocolException("server answered a write of " + expected + " bytes with " + n));
        }
        answered(n == expected);
        if (n < expected && deferred == null) {
            // GNU rtapelib treats anything but the full count as a write error, and so do we.
            deferred = new RemoteTapeException("write " + expected, Errno.EIO.number(),
                    "short write: the server wrote " + n + " of " + expected + " bytes");
        }
    }

    private void answered(boolean whole) {
        if (!whole && firstFailure < 0) {
            firstFailure = answered;
        } else if (whole && firstFailure >= 0) {
            succeededAfterFailure++;
        }
        answered++;
    }

    private void afterFailedSend(IOException sendError) throws IOException {
        Integer lost = pending.pollLast(); // that request never fully left
        if (lost != null) {
            sentAt.pollLast();
            pendingBytes -= lost;
        }
        try {
            while (!pending.isEmpty()) {
                collect(); // replies the server sent before it went away
            }
            throwDeferred();
        } catch (RmtException e) {
            e.addSuppressed(sendError);
            throw e;
        }
        throw tape.broken(sendError);
    }

    private void throwDeferred() throws RmtException {
        RmtException e = deferred;
        if (e != null) {
            deferred = null;
            throw e;
        }
    }
}
