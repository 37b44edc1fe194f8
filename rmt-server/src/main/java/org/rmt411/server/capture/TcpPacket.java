package org.rmt411.server.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes one synthesised IPv4 or IPv6 packet carrying a TCP segment into a pcapng packet block,
 * with both checksums computed, so Wireshark's checksum validation (when switched on) finds
 * nothing to flag.
 */
final class TcpPacket {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    /**
     * The most payload one segment carries: a 65535-byte IPv4 datagram less 20 bytes of IP and
     * 20 of TCP header, which is also the MSS Linux uses on loopback.
     */
    static final int MAX_SEGMENT = 65495;
    /** The options of SYN and SYN/ACK: MSS {@link #MAX_SEGMENT}, NOP, window scale 7. */
    static final byte[] SYN_OPTIONS = {2, 4, (byte) (MAX_SEGMENT >> 8), (byte) MAX_SEGMENT, 1, 3, 3, 7};

    private static final int IPV4_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int TCP_HEADER = 20;
    private static final int PROTOCOL_TCP = 6;
    private static final int TTL = 64;
    /** The window field: scaled by 2^7 once the handshake set the scale, 8 MiB, never "full". */
    private static final int WINDOW = 0xffff;

    private TcpPacket() {
    }

    /** One direction's header fields of a segment. */
    record Header(byte[] source, int sourcePort, byte[] destination, int destinationPort, int seq, int ack,
            int flags, byte[] options, int ipId) {
    }

    /** The block holding {@code header}'s segment with {@code payload}'s remaining bytes, ready to append. */
    static ByteBuffer block(long nanos, Header header, ByteBuffer payload) {
        boolean v6 = header.source().length == 16;
        int ipHeader = v6 ? IPV6_HEADER : IPV4_HEADER;
        int tcpLength = TCP_HEADER + header.options().length + payload.remaining();
        ByteBuffer block = Pcapng.packetBlock(nanos, ipHeader + tcpLength);
        ByteBuffer net = block.duplicate().order(ByteOrder.BIG_ENDIAN);
        int ip = net.position();
        if (v6) {
            net.putInt(0x60000000).putShort((short) tcpLength).put((byte) PROTOCOL_TCP).put((byte) TTL);
        } else {
            net.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4_HEADER + tcpLength));
            net.putShort((short) header.ipId()).putShort((short) 0x4000); // don't fragment
            net.put((byte) TTL).put((byte) PROTOCOL_TCP).putShort((short) 0);
        }
        net.put(header.source()).put(header.destination());
        int tcp = net.position();
        tcpHeader(net, header);
        net.put(payload);
        if (!v6) {
            net.putShort(ip + 10, (short) ~sum(block.array(), ip, IPV4_HEADER, 0));
        }
        long pseudo = sum(header.source(), 0, header.source().length, 0)
                + sum(header.destination(), 0, header.destination().length, 0) + PROTOCOL_TCP + tcpLength;
        short checksum = (short) ~sum(block.array(), tcp, tcpLength, pseudo);
        net.putShort(tcp + 16, checksum);
        return Pcapng.finishPacket(block);
    }

    private static void tcpHeader(ByteBuffer net, Header header) {
        int words = (TCP_HEADER + header.options().length) / 4;
        net.putShort((short) header.sourcePort()).putShort((short) header.destinationPort());
        net.putInt(header.seq()).putInt((header.flags() & ACK) != 0 ? header.ack() : 0);
        net.put((byte) (words << 4)).put((byte) header.flags());
        net.putShort((short) WINDOW).putShort((short) 0).putShort((short) 0); // checksum, urgent pointer
        net.put(header.options());
    }

    /**
     * The 16-bit one's complement sum (RFC 1071) of {@code length} bytes from {@code from},
     * added to {@code start} and folded to 16 bits.
     */
    static int sum(byte[] data, int from, int length, long start) {
        long sum = start;
        int end = from + length;
        int i = from;
        for (; i + 1 < end; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (data[i] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }
}
