package org.rmt411.server.capture;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One session as the TCP conversation Wireshark expects: a three-way handshake, the bytes each
 * side sent as segments with consistent sequence and acknowledgement numbers, and a FIN from
 * each side at the end. The payload is exactly what the session read and wrote, in order, so
 * Wireshark's reassembly sees the rmt stream the server saw.
 */
final class TcpConversation {
    private static final byte[] NO_OPTIONS = {};

    private final CaptureFile file;
    private final Endpoints ends;
    private final Clock clock;
    private int clientSeq;
    private int serverSeq;
    private int ipId;
    private boolean clientFinished;
    private boolean closed;

    TcpConversation(CaptureFile file, Endpoints ends, Clock clock) {
        this.file = file;
        this.ends = ends;
        this.clock = clock;
        // Random initial sequence numbers, as real stacks pick them (RFC 6528); Wireshark shows
        // relative numbers anyway. They wrap modulo 2^32, as int arithmetic does.
        this.clientSeq = ThreadLocalRandom.current().nextInt();
        this.serverSeq = ThreadLocalRandom.current().nextInt();
    }

    /** SYN, SYN/ACK, ACK: the connection as the client opened it. */
    synchronized void open() {
        segment(true, TcpPacket.SYN, TcpPacket.SYN_OPTIONS, empty());
        clientSeq++;
        segment(false, TcpPacket.SYN | TcpPacket.ACK, TcpPacket.SYN_OPTIONS, empty());
        serverSeq++;
        segment(true, TcpPacket.ACK, NO_OPTIONS, empty());
    }

    /** Bytes the session read from the client: {@code data}'s remaining bytes (not consumed). */
    synchronized void fromClient(ByteBuffer data) {
        send(true, data.duplicate());
    }

    /** Bytes the session wrote to the client. */
    synchronized void fromServer(ByteBuffer data) {
        send(false, data.duplicate());
    }

    /** The session read end of input: the client's FIN. */
    synchronized void clientEnded() {
        if (clientFinished || closed) {
            return;
        }
        segment(true, TcpPacket.FIN | TcpPacket.ACK, NO_OPTIONS, empty());
        clientSeq++;
        clientFinished = true;
    }

    /**
     * The session is over and the server closes: its FIN, then the client's (when the client had
     * not ended first) and the last ACK.
     */
    synchronized void close() {
        if (closed) {
            return;
        }
        segment(false, TcpPacket.FIN | TcpPacket.ACK, NO_OPTIONS, empty());
        serverSeq++;
        if (!clientFinished) {
            segment(true, TcpPacket.FIN | TcpPacket.ACK, NO_OPTIONS, empty());
            clientSeq++;
            clientFinished = true;
            segment(false, TcpPacket.ACK, NO_OPTIONS, empty());
        } else {
            segment(true, TcpPacket.ACK, NO_OPTIONS, empty());
        }
        closed = true;
    }

    private void send(boolean client, ByteBuffer data) {
        while (data.hasRemaining()) {
            int n = Math.min(data.remaining(), TcpPacket.MAX_SEGMENT);
            // PSH on every segment: each is one read or write of the session, as a socket sends it.
            segment(client, TcpPacket.PSH | TcpPacket.ACK, NO_OPTIONS, data.slice().limit(n));
            data.position(data.position() + n);
            if (client) {
                clientSeq += n;
            } else {
                serverSeq += n;
            }
        }
    }

    private void segment(boolean client, int flags, byte[] options, ByteBuffer payload) {
        TcpPacket.Header header = client
                ? new TcpPacket.Header(ends.client(), ends.clientPort(), ends.server(), ends.serverPort(), clientSeq,
                        serverSeq, flags, options, ipId++)
                : new TcpPacket.Header(ends.server(), ends.serverPort(), ends.client(), ends.clientPort(), serverSeq,
                        clientSeq, flags, options, ipId++);
        file.append(TcpPacket.block(nanos(clock.instant()), header, payload));
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static ByteBuffer empty() {
        return ByteBuffer.allocate(0);
    }
}
