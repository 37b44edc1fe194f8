package org.rmt411.server.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent reader of the captures the server writes, for tests: it walks the pcapng blocks
 * by the specification (not by {@link Pcapng}'s constants), checks every length, and rebuilds
 * each TCP conversation from its segments, checking sequence numbers and checksums on the way.
 */
public final class CaptureReader {
    /** What the file holds. */
    public record Capture(int sections, List<Integer> linkTypes, List<Integer> timestampDigits,
            List<Segment> segments, List<Conversation> conversations) {
    }

    /** One TCP segment. */
    public record Segment(long nanos, String source, int sourcePort, String destination, int destinationPort,
            int seq, int ack, int flags, byte[] payload, boolean checksumsOk) {
        boolean has(int flag) {
            return (flags & flag) == flag;
        }
    }

    /** One connection from its SYN: the bytes each side sent, in sequence order. */
    public static final class Conversation {
        public final String client;
        public final String server;
        public final List<Segment> segments = new ArrayList<>();
        private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
        private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
        private int clientNext;
        private int serverNext;
        private boolean clientFin;
        private boolean serverFin;
        private boolean inOrder = true;

        Conversation(Segment syn) {
            client = syn.source() + ":" + syn.sourcePort();
            server = syn.destination() + ":" + syn.destinationPort();
            clientNext = syn.seq() + 1;
        }

        public byte[] fromClient() {
            return fromClient.toByteArray();
        }

        public byte[] fromServer() {
            return fromServer.toByteArray();
        }

        /** Every segment's seq was where the previous one of its side ended, and both sides sent FIN. */
        public boolean complete() {
            return inOrder && clientFin && serverFin;
        }

        void add(Segment s) {
            segments.add(s);
            boolean c = (s.source() + ":" + s.sourcePort()).equals(client);
            if (!c && s.has(TcpPacket.SYN)) {
                serverNext = s.seq() + 1;
                inOrder &= s.ack() == clientNext;
                return;
            }
            if (s.has(TcpPacket.SYN)) {
                return;
            }
            int expected = c ? clientNext : serverNext;
            inOrder &= s.seq() == expected && s.has(TcpPacket.ACK) && s.ack() == (c ? serverNext : clientNext);
            (c ? fromClient : fromServer).write(s.payload(), 0, s.payload().length);
            int next = expected + s.payload().length + (s.has(TcpPacket.FIN) ? 1 : 0);
            if (c) {
                clientNext = next;
                clientFin |= s.has(TcpPacket.FIN);
            } else {
                serverNext = next;
                serverFin |= s.has(TcpPacket.FIN);
            }
        }
    }

    private CaptureReader() {
    }

    /** Reads {@code file}; throws AssertionError on any malformed block. */
    public static Capture read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int sections = 0;
        List<Integer> linkTypes = new ArrayList<>();
        List<Integer> digits = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        while (b.hasRemaining()) {
            int start = b.position();
            int type = b.getInt(start);
            int length = b.getInt(start + 4);
            check(length >= 12 && length % 4 == 0 && start + length <= b.limit(), "block length " + length);
            check(b.getInt(start + length - 4) == length, "trailing length of block at " + start);
            ByteBuffer body = b.slice(start + 8, length - 12).order(ByteOrder.LITTLE_ENDIAN);
            if (type == 0x0A0D0D0A) {
                check(body.getInt(0) == 0x1A2B3C4D, "byte-order magic");
                check(body.getShort(4) == 1 && body.getShort(6) == 0, "version 1.0");
                sections++;
            } else if (type == 1) {
                linkTypes.add(body.getShort(0) & 0xffff);
                digits.add(timestampDigits(body));
            } else if (type == 6) {
                check(body.getInt(0) == 0, "interface 0");
                long ts = ((long) body.getInt(4) << 32) | (body.getInt(8) & 0xffffffffL);
                int captured = body.getInt(12);
                check(captured == body.getInt(16), "whole packets");
                byte[] packet = new byte[captured];
                body.get(20, packet);
                segments.add(segment(ts, packet));
            }
            b.position(start + length);
        }
        return new Capture(sections, linkTypes, digits, segments, conversations(segments));
    }

    private static List<Conversation> conversations(List<Segment> segments) {
        Map<String, Conversation> open = new LinkedHashMap<>();
        List<Conversation> all = new ArrayList<>();
        for (Segment s : segments) {
            String forward = s.source() + ":" + s.sourcePort() + ">" + s.destination() + ":" + s.destinationPort();
            String backward = s.destination() + ":" + s.destinationPort() + ">" + s.source() + ":" + s.sourcePort();
            if (s.flags() == TcpPacket.SYN) {
                Conversation c = new Conversation(s);
                open.put(forward, c);
                all.add(c);
                continue;
            }
            Conversation c = open.containsKey(forward) ? open.get(forward) : open.get(backward);
            check(c != null, "segment outside any connection: " + forward);
            c.add(s);
        }
        return all;
    }

    private static int timestampDigits(ByteBuffer idb) {
        int at = 8;
        while (at + 4 <= idb.limit()) {
            int code = idb.getShort(at) & 0xffff;
            int length = idb.getShort(at + 2) & 0xffff;
            if (code == 9 && length == 1) {
                return idb.get(at + 4);
            }
            if (code == 0) {
                break;
            }
            at += 4 + ((length + 3) & ~3);
        }
        return 6; // the default: microseconds
    }

    private static Segment segment(long nanos, byte[] packet) throws IOException {
        ByteBuffer p = ByteBuffer.wrap(packet);
        int version = (p.get(0) & 0xf0) >> 4;
        check(version == 4 || version == 6, "IP version " + version);
        int ip = version == 4 ? (p.get(0) & 0x0f) * 4 : 40;
        int addressLength = version == 4 ? 4 : 16;
        int addressAt = version == 4 ? 12 : 8;
        int total = version == 4 ? p.getShort(2) & 0xffff : 40 + (p.getShort(4) & 0xffff);
        check(total == packet.length, "IP length " + total + " of a " + packet.length + "-byte packet");
        check((version == 4 ? p.get(9) : p.get(6)) == 6, "protocol TCP");
        byte[] src = new byte[addressLength];
        byte[] dst = new byte[addressLength];
        p.get(addressAt, src).get(addressAt + addressLength, dst);
        boolean ipOk = version == 6 || TcpPacket.sum(packet, 0, ip, 0) == 0xffff;
        int tcpLength = packet.length - ip;
        long pseudo = TcpPacket.sum(src, 0, src.length, 0) + TcpPacket.sum(dst, 0, dst.length, 0) + 6 + tcpLength;
        boolean tcpOk = TcpPacket.sum(packet, ip, tcpLength, pseudo) == 0xffff;
        int dataAt = ip + ((p.get(ip + 12) & 0xf0) >> 4) * 4;
        byte[] payload = new byte[packet.length - dataAt];
        p.get(dataAt, payload);
        return new Segment(nanos, InetAddress.getByAddress(src).getHostAddress(), p.getShort(ip) & 0xffff,
                InetAddress.getByAddress(dst).getHostAddress(), p.getShort(ip + 2) & 0xffff, p.getInt(ip + 4),
                p.getInt(ip + 8), p.get(ip + 13) & 0xff, payload, ipOk && tcpOk);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("malformed capture: " + what);
        }
    }
}
