package org.rmt411.server.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The three pcapng blocks a capture needs (draft-ietf-opsawg-pcapng): a Section Header Block, one
 * Interface Description Block for raw IP packets, and an Enhanced Packet Block per packet. All
 * little-endian; the section header's byte-order magic tells readers so.
 */
final class Pcapng {
    /** The Section Header Block's type, also the first four bytes of every pcapng file. */
    static final int SECTION_HEADER = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION = 0x00000001;
    static final int ENHANCED_PACKET = 0x00000006;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** LINKTYPE_RAW: each packet starts with its IPv4 or IPv6 header, no link-layer header. */
    static final int LINKTYPE_RAW = 101;
    /** if_tsresol 9: timestamps count nanoseconds. */
    static final int TIMESTAMP_DIGITS = 9;
    /** Bytes of an Enhanced Packet Block around its packet: 28 before, 4 after. */
    static final int PACKET_OVERHEAD = 32;

    private static final short OPT_END = 0;
    private static final short SHB_USERAPPL = 4;
    private static final short IF_NAME = 2;
    private static final short IF_TSRESOL = 9;

    private Pcapng() {
    }

    /**
     * A new section: its header and the one interface every packet of it names, as one buffer,
     * so a server appending to a file another process writes too never splits the pair.
     */
    static ByteBuffer sectionStart(String application) {
        byte[] appl = application.getBytes(StandardCharsets.UTF_8);
        int shbLength = 24 + option(appl.length) + 4 + 4;
        byte[] name = "rmt411".getBytes(StandardCharsets.UTF_8);
        int idbLength = 16 + option(name.length) + option(1) + 4 + 4;
        ByteBuffer b = ByteBuffer.allocate(shbLength + idbLength).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(SECTION_HEADER).putInt(shbLength).putInt(BYTE_ORDER_MAGIC);
        b.putShort((short) 1).putShort((short) 0); // version 1.0
        b.putLong(-1L); // section length not given: the file grows while the server runs
        putOption(b, SHB_USERAPPL, appl);
        b.putShort(OPT_END).putShort((short) 0).putInt(shbLength);

        b.putInt(INTERFACE_DESCRIPTION).putInt(idbLength);
        b.putShort((short) LINKTYPE_RAW).putShort((short) 0);
        b.putInt(0); // snap length 0: packets are never cut
        putOption(b, IF_NAME, name);
        putOption(b, IF_TSRESOL, new byte[] {TIMESTAMP_DIGITS});
        b.putShort(OPT_END).putShort((short) 0).putInt(idbLength);
        return b.flip();
    }

    /**
     * An Enhanced Packet Block holding a packet of {@code packetLength} bytes, positioned where
     * the packet goes: the caller writes it, then calls {@link #finishPacket}.
     *
     * @param nanos the packet's time, nanoseconds since 1970 UTC
     */
    static ByteBuffer packetBlock(long nanos, int packetLength) {
        int total = PACKET_OVERHEAD + padded(packetLength);
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(ENHANCED_PACKET).putInt(total).putInt(0); // interface 0
        b.putInt((int) (nanos >>> 32)).putInt((int) nanos);
        b.putInt(packetLength).putInt(packetLength);
        return b;
    }

    /** Writes the block's trailing length (after the packet and its padding) and flips it for writing. */
    static ByteBuffer finishPacket(ByteBuffer block) {
        int total = block.capacity();
        block.putInt(total - 4, total);
        block.position(0).limit(total);
        return block;
    }

    /** Bytes a value of {@code length} takes, padded to 32 bits. */
    static int padded(int length) {
        return (length + 3) & ~3;
    }

    private static int option(int length) {
        return 4 + padded(length);
    }

    private static void putOption(ByteBuffer b, short code, byte[] value) {
        b.putShort(code).putShort((short) value.length).put(value);
        for (int i = value.length; i < padded(value.length); i++) {
            b.put((byte) 0);
        }
    }
}
