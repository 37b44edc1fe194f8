package org.rmt411.client.tar;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import io.airlift.compress.zstd.ZstdInputStream;
import io.airlift.compress.zstd.ZstdOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * How an archive is compressed: GNU tar's {@code -z}, {@code -j}, {@code -J} and
 * {@code --zstd}. On reading, the compression is recognised by its magic number, as GNU tar does,
 * so {@code list} and {@code restore} need no option; formats we do not decode (lzip, lzop,
 * compress) are named in a clear error instead of being read as a broken tar.
 */
public enum Compression {
    /** A plain tar archive. */
    NONE,
    /** gzip ({@code -z}). */
    GZIP,
    /** bzip2 ({@code -j}). */
    BZIP2,
    /** xz ({@code -J}), at xz's default level 6 as GNU tar runs it. */
    XZ,
    /** zstd ({@code --zstd}). */
    ZSTD;

    private static final int MAGIC = 6;
    private static final byte[] XZ_MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};

    /**
     * Wraps {@code out} so what is written to the result arrives compressed.
     *
     * @param recordSize the tape record size the compressed stream will be cut into: zstd pads
     *     its end to a whole record itself (see {@link ZstdPadding})
     */
    public OutputStream compress(OutputStream out, int recordSize) throws IOException {
        return switch (this) {
            case NONE -> out;
            case GZIP -> new GzipCompressorOutputStream(out);
            case BZIP2 -> new BZip2CompressorOutputStream(out);
            case XZ -> new XZCompressorOutputStream(out);
            case ZSTD -> new ZstdOutputStream(new ZstdPadding(out, recordSize));
        };
    }

    /**
     * The archive bytes of {@code raw}, decompressed according to its first bytes.
     *
     * @throws IOException naming the format, for a compression this client does not decode
     */
    public static InputStream decompress(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(MAGIC);
        byte[] magic = in.readNBytes(MAGIC);
        in.reset();
        // One compressed stream each: what follows it is the zero padding of the last tape
        // record, which a decoder asked for concatenated streams would take for garbage. zstd's
        // decoder always looks for a next frame, so its input ends with the last frame.
        return switch (detect(magic)) {
            case NONE -> in;
            case GZIP -> new GzipCompressorInputStream(in);
            case BZIP2 -> new BZip2CompressorInputStream(in);
            case XZ -> new XZCompressorInputStream(in);
            case ZSTD -> new ZstdInputStream(new ZstdFrames(in));
        };
    }

    /** The compression whose magic number starts {@code head} (up to six bytes). */
    static Compression detect(byte[] head) throws IOException {
        if (startsWith(head, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (startsWith(head, 'B', 'Z', 'h') && head.length > 3 && head[3] >= '1' && head[3] <= '9') {
            return BZIP2;
        }
        if (head.length >= XZ_MAGIC.length && Arrays.equals(head, 0, XZ_MAGIC.length, XZ_MAGIC, 0, XZ_MAGIC.length)) {
            return XZ;
        }
        if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        String other = startsWith(head, 'L', 'Z', 'I', 'P') ? "lzip"
                : startsWith(head, 0x89, 'L', 'Z', 'O') ? "lzop"
                : startsWith(head, 0x1f, 0x9d) ? "compress (.Z)"
                : null;
        if (other != null) {
            throw new IOException("the archive is " + other + "-compressed, which rmt-client does not decode"
                    + " (it reads plain, gzip, bzip2, xz and zstd archives); GNU tar can read it");
        }
        return NONE;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
