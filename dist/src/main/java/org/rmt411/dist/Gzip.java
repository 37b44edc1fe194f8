package org.rmt411.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip -9n as Debian wants it for man pages and changelogs. Written by hand because
 * {@link java.util.zip.GZIPOutputStream} always sets the header's XFL byte to 0, and lintian reads
 * that byte to tell whether the best compression was used (poor-compression-in-manual-page is an
 * error). Like {@code gzip -n}, the header has no time stamp and no name, so two builds of the
 * same sources give the same bytes.
 */
final class Gzip {
    private static final byte[] HEADER = {
        0x1f, (byte) 0x8b, // magic
        8, // deflate
        0, // no flags: no name, no comment
        0, 0, 0, 0, // MTIME 0: none
        2, // XFL 2: best compression
        3}; // OS: Unix

    private Gzip() {
    }

    /** Writes {@code data} to {@code target}, gzipped. */
    static void write(Path target, byte[] data) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, gzip(data));
    }

    /** Gzips {@code source} to {@code target}. */
    static void file(Path source, Path target) throws IOException {
        write(target, Files.readAllBytes(source));
    }

    /** {@code data} as a gzip member (RFC 1952). */
    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        out.writeBytes(HEADER);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        writeLittleEndian(out, crc.getValue());
        writeLittleEndian(out, data.length & 0xffffffffL);
        return out.toByteArray();
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
