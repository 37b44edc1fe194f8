package org.rmt411.client.tar;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes through the zstd frames at the start of a stream and ends where they end. A compressed
 * archive on a tape is followed by the zero padding of its last record; gzip, bzip2 and xz
 * decoders stop at the end of their stream, but a zstd decoder looks for a next frame and takes
 * the zeros for a broken one. This walks the frame structure of RFC 8878 without decoding
 * anything: frame headers, block headers with their sizes and the optional checksum; it drops
 * skippable frames, which the decoder does not take, and ends the stream when what follows a
 * frame is not another frame.
 */
final class ZstdFrames extends InputStream {
    private static final int FRAME_MAGIC = 0xFD2FB528;
    private static final int SKIPPABLE_MAGIC = 0x184D2A50; // low four bits vary
    private static final int[] DICTIONARY_ID_BYTES = {0, 1, 2, 4};

    private enum Next { FRAME, BLOCK, CHECKSUM }

    private final BufferedInputStream in;
    private final byte[] one = new byte[1];
    /** Bytes of the current unit (frame header, block, checksum) still to pass. */
    private long unit;
    private Next next = Next.FRAME;
    private boolean checksum;
    private boolean ended;

    ZstdFrames(BufferedInputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (unit == 0 && !ended) {
            advance();
        }
        if (ended) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, unit));
        if (n > 0) {
            unit -= n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Measures the next unit from its header, or ends the stream after the last frame. */
    private void advance() throws IOException {
        switch (next) {
            case FRAME -> frame();
            case BLOCK -> block();
            case CHECKSUM -> {
                unit = 4;
                next = Next.FRAME;
            }
            default -> throw new IllegalStateException(next.name());
        }
    }

    private void frame() throws IOException {
        byte[] head = peek(8);
        if (head.length < 4) {
            ended = true;
            return;
        }
        int magic = littleEndian(head, 0, 4);
        if (magic == FRAME_MAGIC && head.length >= 5) {
            int descriptor = head[4] & 0xff;
            int contentSizeFlag = descriptor >>> 6;
            boolean singleSegment = (descriptor & 0x20) != 0;
            int contentSizeBytes = contentSizeFlag == 0 ? (singleSegment ? 1 : 0) : 1 << contentSizeFlag;
            unit = 5 + (singleSegment ? 0 : 1) + DICTIONARY_ID_BYTES[descriptor & 3] + contentSizeBytes;
            checksum = (descriptor & 0x04) != 0;
            next = Next.BLOCK;
        } else if ((magic & 0xFFFFFFF0) == SKIPPABLE_MAGIC && head.length == 8) {
            // Skippable frames (pzstd, seekable-format indexes) hold no data; the decoder does
            // not know them, so they are dropped here.
            in.skipNBytes(8 + (littleEndian(head, 4, 4) & 0xFFFFFFFFL));
        } else {
            ended = true; // zero padding, or anything else after the last frame
        }
    }

    private void block() throws IOException {
        byte[] head = peek(3);
        if (head.length < 3) {
            unit = Long.MAX_VALUE; // truncated: pass it on and let the decoder say so
            return;
        }
        int header = littleEndian(head, 0, 3);
        boolean last = (header & 1) != 0;
        int type = (header >>> 1) & 3;
        int size = header >>> 3;
        unit = 3L + (type == 1 ? 1 : size); // an RLE block carries one byte
        next = !last ? Next.BLOCK : checksum ? Next.CHECKSUM : Next.FRAME;
    }

    private byte[] peek(int count) throws IOException {
        in.mark(count);
        byte[] bytes = in.readNBytes(count);
        in.reset();
        return bytes;
    }

    private static int littleEndian(byte[] bytes, int offset, int count) {
        int value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xff);
        }
        return value;
    }
}
