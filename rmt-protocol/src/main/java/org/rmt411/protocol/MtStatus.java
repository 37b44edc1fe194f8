package org.rmt411.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Linux {@code struct mtget}, the MTIOCGET result that {@code S} carries raw and {@code s<c>}
 * field by field.
 *
 * <p>On the wire it is the Linux x86_64 layout, little-endian, {@value #LINUX_X86_64_SIZE} bytes:
 * five 8-byte {@code long}s (type, resid, dsreg, gstat, erreg) then two 4-byte ints (fileno,
 * blkno). That is what GNU rmt on the most common host sends, and what GNU clients since 2024
 * and xfsdump check the length against.
 *
 * @param type drive type; 0x72 (MT_ISSCSI2) like st, kept below 256 so GNU clients do not
 *     byte-swap the struct
 * @param resid st puts the partition number here
 * @param dsreg block size (bits 0–23, 0 = variable) | density code &lt;&lt; 24
 * @param gstat generic status bits ({@link #GMT_BOT} ...)
 * @param erreg recovered error count
 * @param fileno file number, -1 when unknown
 * @param blkno block number within the file, -1 when unknown
 */
public record MtStatus(long type, long resid, long dsreg, long gstat, long erreg, int fileno, int blkno) {
    /** Size of {@code struct mtget} on Linux x86_64. */
    public static final int LINUX_X86_64_SIZE = 48;
    /** st's {@code mt_type} for SCSI-2 drives. */
    public static final long MT_ISSCSI2 = 0x72;

    public static final long GMT_EOF = 0x80000000L;
    public static final long GMT_BOT = 0x40000000L;
    public static final long GMT_EOT = 0x20000000L;
    public static final long GMT_SM = 0x10000000L;
    public static final long GMT_EOD = 0x08000000L;
    public static final long GMT_WR_PROT = 0x04000000L;
    public static final long GMT_ONLINE = 0x01000000L;
    /** Density code 3 (6250 bpi), as st reports it. */
    public static final long GMT_D_6250 = 0x00800000L;
    /** Density code 2 (1600 bpi). */
    public static final long GMT_D_1600 = 0x00400000L;
    /** Density code 1 (800 bpi). */
    public static final long GMT_D_800 = 0x00200000L;
    public static final long GMT_DR_OPEN = 0x00040000L;
    public static final long GMT_IM_REP_EN = 0x00010000L;

    /** The block size part of {@code dsreg} (0 = variable). */
    public int blockSize() {
        return (int) (dsreg & 0xffffff);
    }

    /** The density code part of {@code dsreg}. */
    public int density() {
        return (int) ((dsreg >>> 24) & 0xff);
    }

    /** True when every bit of {@code mask} is set in {@code gstat}. */
    public boolean has(long mask) {
        return (gstat & mask) == mask;
    }

    /** The 48-byte Linux x86_64 little-endian encoding. */
    public byte[] toLinuxBytes() {
        ByteBuffer b = ByteBuffer.allocate(LINUX_X86_64_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(type).putLong(resid).putLong(dsreg).putLong(gstat).putLong(erreg);
        b.putInt(fileno).putInt(blkno);
        return b.array();
    }

    /**
     * Decodes the 48-byte Linux x86_64 layout. A {@code type} of 256 or more means a big-endian
     * server, so the struct is read big-endian instead (GNU clients swap on the same hint).
     *
     * @throws IllegalArgumentException unless exactly 48 bytes are given
     */
    public static MtStatus fromLinuxBytes(byte[] raw) {
        if (raw.length != LINUX_X86_64_SIZE) {
            throw new IllegalArgumentException("struct mtget must be 48 bytes, got " + raw.length);
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        if (Long.compareUnsigned(b.getLong(0), 256) >= 0) {
            b.order(ByteOrder.BIG_ENDIAN);
        }
        return new MtStatus(b.getLong(0), b.getLong(8), b.getLong(16), b.getLong(24), b.getLong(32),
                b.getInt(40), b.getInt(44));
    }

    /**
     * One field for {@code s<c>} (RMT V1, star and dump): T type, D dsreg, E erreg, R resid,
     * F fileno, B blkno, f gstat (as dump on Linux), b 0 (as dump).
     *
     * @throws RmtException EINVAL for any other letter
     */
    public long field(char c) throws RmtException {
        switch (c) {
            case 'T':
                return type;
            case 'D':
                return dsreg;
            case 'E':
                return erreg;
            case 'R':
                return resid;
            case 'F':
                return fileno;
            case 'B':
                return blkno;
            case 'f':
                return gstat;
            case 'b':
                return 0;
            default:
                throw new RmtException(Errno.EINVAL);
        }
    }
}
