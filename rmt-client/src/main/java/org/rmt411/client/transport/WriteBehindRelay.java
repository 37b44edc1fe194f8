package org.rmt411.client.transport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.Headroom;
import org.rmt411.protocol.RmtReply;
import org.rmt411.protocol.RmtReplyDecoder;
import org.rmt411.protocol.RmtReplyEncoder;

/**
 * {@code rmt411 bridge --write-behind}: answers a stock client's {@code W} at once and forwards
 * it pipelined, as st's buffered mode acknowledges a write before the data is on the tape, so
 * GNU tar no longer waits a round trip per record.
 *
 * <p>Exactness is kept where it matters. A write acknowledged ahead that then fails is reported
 * on the client's next request (which is not carried out) or on its close, never lost; the
 * client's exit code shows it. A write is acknowledged ahead only while the server has promised
 * room for it: before the first write after an open, a close, a read or a positioning request,
 * the bridge asks rmt411's headroom extension
 * ({@link Headroom}); the bytes promised (each record charged {@link Headroom#RECORD_OVERHEAD}
 * more) are spent by writes acknowledged ahead, and once they are spent every write waits for
 * its own reply, so the record that meets early warning or a full disk gets its ENOSPC exactly
 * as without the bridge ({@code tar -M} changes volume at the same record). A server that does
 * not answer the extension (GNU rmt, dump's, star's) or a device that cannot say gets no write
 * acknowledged ahead: the bridge then relays request by request.
 */
public final class WriteBehindRelay {
    /** Most writes whose replies are outstanding: their replies must fit the socket buffers. */
    static final int MAX_PENDING = 2048;
    /** A headroom at least this large is asked again once spent; a smaller one is final. */
    static final long REASK = 16L * 1024 * 1024;
    private static final int BUFFER = 256 * 1024;

    private final InputStream clientIn;
    private final RequestFramer framer;
    private final RmtReplyEncoder toClient;
    private final OutputStream clientOut;
    private final OutputStream serverOut;
    private final InputStream serverIn;
    private final RmtReplyDecoder replies;
    private final ArrayDeque<Integer> pending = new ArrayDeque<>();
    private final byte[] copy = new byte[BUFFER];
    private RmtReply.Failure deferred;
    private long budget;
    private long lastAnswer;
    /** Whether the headroom must be asked before the next write is acknowledged ahead. */
    private boolean stale = true;

    private WriteBehindRelay(InputStream stdin, OutputStream stdout, Socket socket) throws IOException {
        this.clientIn = new BufferedInputStream(stdin, BUFFER);
        this.framer = new RequestFramer(clientIn);
        this.clientOut = new BufferedOutputStream(stdout, BUFFER);
        this.toClient = new RmtReplyEncoder(clientOut);
        this.serverOut = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
        this.serverIn = socket.getInputStream();
        this.replies = new RmtReplyDecoder(serverIn);
    }

    /** Relays until the client's input ends or the server goes away; closes the socket. */
    public static void run(Socket socket, InputStream stdin, OutputStream stdout) throws IOException {
        try (socket) {
            new WriteBehindRelay(stdin, stdout, socket).loop(socket);
        }
    }

    private void loop(Socket socket) throws IOException {
        RequestFrame frame;
        while ((frame = nextFrame()) != null) {
            if (frame.unknown()) {
                passThrough(frame, socket);
                return;
            }
            if (frame.isWrite() && frame.count() > 0 && deferred == null && fitsAhead(frame.count())) {
                writeAhead(frame);
            } else {
                relay(frame);
            }
        }
        drain(); // the client went away without C: nobody is left to tell of a failure
        socket.shutdownOutput();
    }

    /** The next request; what is buffered for the server goes out before waiting for the client. */
    private RequestFrame nextFrame() throws IOException {
        if (clientIn.available() == 0) {
            serverOut.flush();
        }
        return framer.next();
    }

    private boolean fitsAhead(long count) {
        return budget >= count + Headroom.RECORD_OVERHEAD;
    }

    private void writeAhead(RequestFrame frame) throws IOException {
        serverOut.write(frame.head());
        copyPayload(frame.count(), serverOut);
        pending.addLast((int) frame.count());
        budget -= frame.count() + Headroom.RECORD_OVERHEAD;
        toClient.ack(frame.count());
        toClient.flush();
        if (pending.size() >= MAX_PENDING) {
            serverOut.flush();
            while (pending.size() > MAX_PENDING / 2) {
                collect();
            }
        }
    }

    /** One request carried out in step: earlier writes first, then this one and its reply. */
    private void relay(RequestFrame frame) throws IOException {
        drain();
        if (frame.isWrite() && frame.count() > 0 && deferred == null && (stale || lastAnswer >= REASK)) {
            // First write since the position or the device changed, or a large promise is
            // spent and the server may have room for more: ask (after the drain, so exactly).
            askHeadroom();
            if (fitsAhead(frame.count())) {
                writeAhead(frame);
                return;
            }
        }
        if (deferred != null && frame.letter() != 'C') {
            if (frame.isWrite()) {
                copyPayload(frame.count(), OutputStream.nullOutputStream());
            }
            reportDeferred();
            return;
        }
        serverOut.write(frame.head());
        if (frame.isWrite()) {
            copyPayload(frame.count(), serverOut);
        }
        serverOut.flush();
        RmtReply reply = replies.next();
        if (frame.letter() == 'C' && deferred != null) {
            reportDeferred(); // the close still happened on the server, the filemark too
            return;
        }
        answer(frame, reply);
        if (movesOrReopens(frame.letter())) {
            // A new device, a close, a read or a positioning op: the promise was for another
            // place on the tape (an MTFSF or a read leaves less room), so it is void.
            budget = 0;
            lastAnswer = 0;
            stale = true;
        }
    }

    /** Requests after which the headroom must be asked again; status and version probes leave it. */
    private static boolean movesOrReopens(char letter) {
        return letter != 'S' && letter != 's' && letter != 'v' && letter != 'V' && letter != 'W';
    }

    /** Passes a reply on; the payload of an R or S reply follows it. */
    private void answer(RequestFrame frame, RmtReply reply) throws IOException {
        if (reply instanceof RmtReply.Failure failure) {
            toClient.error(failure.errno(), failure.text());
        } else {
            long value = ((RmtReply.Ack) reply).value();
            toClient.ack(value);
            boolean payload = frame.letter() == 'R' || frame.letter() == 'S';
            if (payload && value > 0) {
                relayPayload(value);
            }
        }
        toClient.flush();
    }

    private void relayPayload(long length) throws IOException {
        long left = length;
        while (left > 0) {
            int n = (int) Math.min(copy.length, left);
            replies.readPayload(copy, 0, n);
            toClient.payload(copy, 0, n);
            left -= n;
        }
    }

    /** Asks rmt411's headroom extension; any other server answers an error: nothing ahead. */
    private void askHeadroom() throws IOException {
        serverOut.write(("I" + Headroom.OP + "\n0\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        serverOut.flush();
        RmtReply reply = replies.next();
        lastAnswer = reply instanceof RmtReply.Ack ack && ack.value() > 0 ? ack.value() : 0;
        budget = lastAnswer;
        stale = false;
    }

    private void reportDeferred() throws IOException {
        RmtReply.Failure failure = deferred;
        deferred = null;
        toClient.error(failure.errno(), failure.text());
        toClient.flush();
    }

    /** Collects every outstanding write reply; the first failure among them is kept for the client. */
    private void drain() throws IOException {
        if (!pending.isEmpty()) {
            serverOut.flush();
        }
        while (!pending.isEmpty()) {
            collect();
        }
    }

    private void collect() throws IOException {
        int expected = pending.removeFirst();
        RmtReply reply = replies.next();
        if (deferred != null) {
            return; // later writes failing after a failed one are the same failure
        }
        if (reply instanceof RmtReply.Failure failure) {
            deferred = failure;
        } else if (((RmtReply.Ack) reply).value() != expected) {
            // GNU rtapelib takes anything but the full count as a failed write; so does tar.
            deferred = new RmtReply.Failure(Errno.EIO.number(), "short write: the server wrote "
                    + ((RmtReply.Ack) reply).value() + " of " + expected + " bytes", false);
        }
    }

    private void copyPayload(long count, OutputStream to) throws IOException {
        long left = count;
        while (left > 0) {
            int n = clientIn.read(copy, 0, (int) Math.min(copy.length, left));
            if (n < 0) {
                throw new java.io.EOFException("the client's input ended inside a write");
            }
            to.write(copy, 0, n);
            left -= n;
        }
    }

    /**
     * Bytes the bridge cannot frame (no stock client sends them): it stops interpreting and
     * copies bytes both ways. Outstanding replies are collected first, so nothing of the
     * server's is left in the reply decoder's buffer; a failure among them answers these bytes
     * instead of the server, so it is not lost either.
     */
    private void passThrough(RequestFrame frame, Socket socket) throws IOException {
        drain();
        if (deferred != null) {
            reportDeferred();
        } else {
            serverOut.write(frame.head());
        }
        serverOut.flush();
        toClient.flush();
        Bridge.pump(socket, clientIn, clientOut);
    }
}
