package org.rmt411.client.tar.incremental;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rewrites the dumpdir members of GNU-format archives ({@code tar -g} without
 * {@code --format=posix}: typeflag {@code D}, the folder's dumpdir as the member's data) into the
 * form GNU tar writes in POSIX archives: a PAX header carrying {@code GNU.dumpdir}, then an
 * ordinary folder header. commons-compress takes a {@code D} member for a folder and would read
 * its data as the next header; after this filter it reads every GNU tar archive, and the dumpdir
 * reaches {@link Dumpdir#of} either way. Every other byte passes unchanged. On the first PAX
 * header the archive is POSIX (whose sizes PAX records may override) and the rest passes as is.
 */
public final class GnuDumpdirFilter extends InputStream {
    private static final int BLOCK = 512;
    /** A dumpdir this large would list millions of names; refuse rather than exhaust memory. */
    private static final int MAX_DUMPDIR = 64 << 20;
    private static final byte[] GNU_MAGIC = "ustar  \0".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final byte[] one = new byte[1];
    private byte[] pending = new byte[0];
    private int pendingAt;
    private long dataLeft;
    private boolean extensionHeaders;
    private boolean passThrough;

    public GnuDumpdirFilter(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pendingAt < pending.length) {
            int n = Math.min(len, pending.length - pendingAt);
            System.arraycopy(pending, pendingAt, b, off, n);
            pendingAt += n;
            return n;
        }
        if (passThrough) {
            return in.read(b, off, len);
        }
        if (dataLeft > 0) {
            int n = in.read(b, off, (int) Math.min(len, dataLeft));
            if (n > 0) {
                dataLeft -= n;
            }
            return n;
        }
        byte[] block = in.readNBytes(BLOCK);
        if (block.length == 0) {
            return -1;
        }
        pending = block.length < BLOCK ? block : header(block);
        pendingAt = 0;
        passThrough |= block.length < BLOCK;
        return read(b, off, len);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Looks at one header block; returns what to pass on in its place. */
    private byte[] header(byte[] block) throws IOException {
        if (extensionHeaders) {
            extensionHeaders = block[504] != 0; // GNU sparse extension block: isextended flag
            return block;
        }
        if (isZero(block)) {
            return block;
        }
        if (!checksumOk(block)) {
            passThrough = true; // not a header we understand: change nothing from here on
            return block;
        }
        byte type = block[156];
        long size = size(block);
        if (type == 'x' || type == 'g') {
            passThrough = true;
            return block;
        }
        if (type == 'D' && Arrays.equals(block, 257, 265, GNU_MAGIC, 0, 8)) {
            return dumpdir(block, size);
        }
        extensionHeaders = type == 'S' && block[482] != 0;
        dataLeft = type >= '1' && type <= '6' ? 0 : padded(size);
        return block;
    }

    private byte[] dumpdir(byte[] header, long size) throws IOException {
        if (size < 0 || size > MAX_DUMPDIR) {
            throw new IOException("dumpdir member of " + size + " bytes is beyond the " + MAX_DUMPDIR + " bytes accepted");
        }
        byte[] data = in.readNBytes((int) padded(size));
        if (data.length < padded(size)) {
            throw new IOException("archive ends inside a dumpdir member");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] record = paxRecord(Arrays.copyOf(data, (int) size));
        out.writeBytes(paxHeader(record.length));
        out.writeBytes(Arrays.copyOf(record, (int) padded(record.length)));
        byte[] folder = header.clone();
        folder[156] = '5';
        octal(folder, 124, 12, 0);
        checksum(folder);
        out.writeBytes(folder);
        return out.toByteArray();
    }

    /** {@code "LEN GNU.dumpdir=VALUE\n"}, LEN counting the whole record including its own digits. */
    private static byte[] paxRecord(byte[] value) {
        byte[] key = (" " + Dumpdir.PAX_KEYWORD + "=").getBytes(StandardCharsets.US_ASCII);
        int body = key.length + value.length + 1;
        int length = body + 1;
        while (Integer.toString(length).length() + body != length) {
            length = Integer.toString(length).length() + body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Integer.toString(length).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(key);
        out.writeBytes(value);
        out.write('\n');
        return out.toByteArray();
    }

    private static byte[] paxHeader(int size) {
        byte[] h = new byte[BLOCK];
        byte[] name = "././@PaxHeader".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, h, 0, name.length);
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, 0);
        h[156] = 'x';
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        checksum(h);
        return h;
    }

    private static void octal(byte[] h, int at, int width, long value) {
        String digits = String.format("%0" + (width - 1) + "o", value);
        System.arraycopy(digits.getBytes(StandardCharsets.US_ASCII), 0, h, at, width - 1);
        h[at + width - 1] = 0;
    }

    private static void checksum(byte[] h) {
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        String digits = String.format("%06o", sum);
        System.arraycopy(digits.getBytes(StandardCharsets.US_ASCII), 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
    }

    private static boolean checksumOk(byte[] h) {
        long unsigned = 0;
        for (int i = 0; i < BLOCK; i++) {
            unsigned += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
        }
        return unsigned == number(h, 148, 8);
    }

    /** The size field: octal, or GNU's base-256 when the first byte has its high bit set. */
    private static long size(byte[] h) {
        if ((h[124] & 0x80) != 0) {
            long value = 0;
            for (int i = 125; i < 136; i++) {
                value = (value << 8) | (h[i] & 0xff);
            }
            return value;
        }
        return number(h, 124, 12);
    }

    private static long number(byte[] h, int at, int width) {
        long value = 0;
        for (int i = at; i < at + width; i++) {
            byte b = h[i];
            if (b >= '0' && b <= '7') {
                value = value * 8 + (b - '0');
            } else if (b != ' ' || value != 0) {
                if (b == 0 || b == ' ') {
                    break;
                }
                return -1;
            }
        }
        return value;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
