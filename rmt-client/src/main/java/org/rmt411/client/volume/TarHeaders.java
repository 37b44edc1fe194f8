package org.rmt411.client.volume;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The few tar header fields multi-volume handling reads and writes, at the offsets of the POSIX
 * and GNU header layouts, and GNU tar's {@code 'M'} continuation header.
 */
final class TarHeaders {
    static final int BLOCK = 512;
    static final byte MULTIVOL = 'M';
    static final byte VOLHDR = 'V';
    static final int NAME_FIELD = 100;
    private static final int SIZE_AT = 124;
    private static final int CHKSUM_AT = 148;
    private static final int TYPE_AT = 156;
    private static final int MAGIC_AT = 257;
    private static final int PREFIX_AT = 345;
    /** GNU's {@code oldgnu_header.offset}: where the continued member's data resumes. */
    private static final int OFFSET_AT = 369;
    private static final int NUMBER_FIELD = 12;

    private TarHeaders() {
    }

    static boolean isZero(byte[] block) {
        for (int i = 0; i < BLOCK; i++) {
            if (block[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static byte type(byte[] block) {
        return block[TYPE_AT];
    }

    static long size(byte[] block) {
        return number(block, SIZE_AT);
    }

    static long offset(byte[] block) {
        return number(block, OFFSET_AT);
    }

    /** The name field, with the POSIX prefix in front when the magic says there is one. */
    static String name(byte[] block) {
        String name = text(block, 0, NAME_FIELD);
        boolean posix = block[MAGIC_AT + 5] == 0 && "ustar".equals(text(block, MAGIC_AT, 5));
        String prefix = posix ? text(block, PREFIX_AT, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** True when the stored checksum matches, so a block of file data is not taken for a header. */
    static boolean checksumOk(byte[] block) {
        return number(block, CHKSUM_AT) == checksum(block);
    }

    /**
     * GNU tar's {@code 'M'} header (buffer.c {@code gnu_add_multi_volume_header}): the member's
     * name (cut at 100 bytes), the bytes still to come as size, the bytes already written as
     * offset; every other field empty, as GNU tar 1.34 leaves them.
     */
    static byte[] continuation(String name, long sizeLeft, long offset) {
        byte[] block = new byte[BLOCK];
        byte[] raw = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(raw, 0, block, 0, Math.min(raw.length, NAME_FIELD));
        putNumber(block, SIZE_AT, sizeLeft);
        block[TYPE_AT] = MULTIVOL;
        putNumber(block, OFFSET_AT, offset);
        seal(block);
        return block;
    }

    /**
     * A POSIX header as GNU tar's {@code start_header} makes one for its own bookkeeping members
     * (global headers, multi-volume chunk headers): mode 0644, owner 0, time 0, the name cut at
     * 100 bytes (a PAX {@code path} record before it carries the whole name).
     */
    static byte[] posixHeader(String name, byte type, long size) {
        byte[] block = new byte[BLOCK];
        byte[] raw = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(raw, 0, block, 0, Math.min(raw.length, NAME_FIELD));
        System.arraycopy("0000644\0".getBytes(StandardCharsets.US_ASCII), 0, block, 100, 8);
        System.arraycopy("0000000\0".getBytes(StandardCharsets.US_ASCII), 0, block, 108, 8);
        System.arraycopy("0000000\0".getBytes(StandardCharsets.US_ASCII), 0, block, 116, 8);
        putNumber(block, SIZE_AT, size);
        putNumber(block, 136, 0);
        block[TYPE_AT] = type;
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, block, MAGIC_AT, 6);
        block[MAGIC_AT + 6] = '0';
        block[MAGIC_AT + 7] = '0';
        seal(block);
        return block;
    }

    private static void seal(byte[] block) {
        String sum = String.format("%06o", checksum(block));
        System.arraycopy(sum.getBytes(StandardCharsets.US_ASCII), 0, block, CHKSUM_AT, 6);
        block[CHKSUM_AT + 6] = 0;
        block[CHKSUM_AT + 7] = ' ';
    }

    private static long checksum(byte[] block) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= CHKSUM_AT && i < CHKSUM_AT + 8) ? ' ' : block[i] & 0xff;
        }
        return sum;
    }

    /** Octal of 11 digits and a NUL, or GNU's base-256 (top bit set) for what does not fit. */
    private static void putNumber(byte[] block, int at, long value) {
        if (value < (1L << 33)) {
            String octal = String.format("%011o", value);
            System.arraycopy(octal.getBytes(StandardCharsets.US_ASCII), 0, block, at, 11);
            block[at + 11] = 0;
            return;
        }
        Arrays.fill(block, at, at + NUMBER_FIELD, (byte) 0);
        for (int i = NUMBER_FIELD - 1, shift = 0; i > 0 && shift < 64; i--, shift += 8) {
            block[at + i] = (byte) (value >>> shift);
        }
        block[at] = (byte) 0x80;
    }

    private static long number(byte[] block, int at) {
        if ((block[at] & 0x80) != 0) {
            long value = 0;
            for (int i = 1; i < NUMBER_FIELD; i++) {
                value = (value << 8) | (block[at + i] & 0xff);
            }
            return value;
        }
        long value = 0;
        int end = at == CHKSUM_AT ? at + 8 : at + NUMBER_FIELD;
        for (int i = at; i < end; i++) {
            int c = block[i];
            if (c >= '0' && c <= '7') {
                value = value * 8 + (c - '0');
            } else if (c != ' ' || value > 0) {
                if (c == 0 || c == ' ') {
                    break;
                }
                return -1;
            }
        }
        return value;
    }

    private static String text(byte[] block, int at, int length) {
        int end = at;
        while (end < at + length && block[end] != 0) {
            end++;
        }
        return new String(block, at, end - at, StandardCharsets.UTF_8);
    }
}
