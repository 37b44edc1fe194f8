package org.rmt411.client.tar;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Ends a zstd stream on a whole tape record with a skippable frame instead of zeros. The last
 * record of an archive is padded, and the zstd tool (which GNU tar runs for {@code --zstd})
 * rejects zero bytes after the last frame as an unsupported format, where gzip, bzip2 and xz
 * accept them. A skippable frame (magic {@code 0x184D2A50}, a 4-byte length, that many bytes)
 * is part of the format and every decoder skips it; when fewer than its 8 header bytes are left
 * in the record, it runs on to the end of the next one.
 */
final class ZstdPadding extends FilterOutputStream {
    private static final int HEADER = 8;

    private final int recordSize;
    private long written;

    ZstdPadding(OutputStream out, int recordSize) {
        super(out);
        if (recordSize < HEADER) {
            throw new IllegalArgumentException("record size too small for a skippable frame: " + recordSize);
        }
        this.recordSize = recordSize;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        written++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        written += len;
    }

    @Override
    public void close() throws IOException {
        int rest = (int) (written % recordSize);
        if (rest != 0) {
            int frame = recordSize - rest;
            if (frame < HEADER) {
                frame += recordSize;
            }
            int size = frame - HEADER;
            out.write(new byte[] {0x50, 0x2a, 0x4d, 0x18,
                (byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24)});
            out.write(new byte[size]);
            written += frame;
        }
        super.close();
    }
}
