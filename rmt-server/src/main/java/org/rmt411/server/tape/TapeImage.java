package org.rmt411.server.tape;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.rmt411.server.device.Payload;

/**
 * A SIMH {@code .tap} image on a {@link FileChannel}: walks objects forwards and backwards by
 * their length words and appends records and tape marks. It keeps no position of its own; the
 * drive says where. Appends write header, data, pad and trailer in one gathering write and never
 * force the channel: durability points are the drive's business ({@link #force()}).
 */
final class TapeImage implements Closeable {
    private static final int COPY_CHUNK = 256 * 1024;

    private final FileChannel channel;
    private final boolean writable;
    private final ByteBuffer word = ByteBuffer.allocate(SimhFormat.WORD).order(ByteOrder.LITTLE_ENDIAN);
    // Direct, so a gathering write with a direct payload view copies nothing through the JDK's
    // temporary buffers.
    private final ByteBuffer header = ByteBuffer.allocateDirect(SimhFormat.WORD).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer trailer = ByteBuffer.allocateDirect(SimhFormat.WORD + 1).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer[] gather = new ByteBuffer[3];
    private ByteBuffer copyBuffer;
    /** Where the channel's own position is, so sequential appends need no lseek. */
    private long channelPosition = -1;
    /** The file size as this image left it: no fstat per record. */
    private long size;

    private TapeImage(FileChannel channel, boolean writable) throws IOException {
        this.channel = channel;
        this.writable = writable;
        this.size = channel.size();
    }

    /** Opens (and with {@code writable} creates) the image at {@code path}. */
    static TapeImage open(Path path, boolean writable) throws IOException {
        FileChannel channel = writable
                ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE)
                : FileChannel.open(path, StandardOpenOption.READ);
        return new TapeImage(channel, writable);
    }

    boolean writable() {
        return writable;
    }

    /** The image's size in bytes (tracked, since only this object changes it). */
    long size() {
        return size;
    }

    /**
     * The object at {@code offset}, skipping erase gaps, reading no further than {@code limit}.
     * A record whose trailer is missing or differs from its header is {@code INVALID}.
     */
    TapeObject forward(long offset, long limit) throws IOException {
        long p = offset;
        while (true) {
            if (p >= limit) {
                return TapeObject.endOfData(p);
            }
            if (p + SimhFormat.WORD > limit) {
                return TapeObject.invalid(p);
            }
            int w = readWord(p);
            if (w == SimhFormat.TAPE_MARK) {
                return TapeObject.mark(p);
            }
            if (w == SimhFormat.END_OF_MEDIUM) {
                return TapeObject.endOfData(p);
            }
            if (w == SimhFormat.ERASE_GAP || w == SimhFormat.HALF_GAP_FORWARD) {
                p += w == SimhFormat.ERASE_GAP ? SimhFormat.WORD : SimhFormat.WORD / 2;
                continue;
            }
            return record(p, w, limit);
        }
    }

    private TapeObject record(long p, int w, long limit) throws IOException {
        int length = SimhFormat.lengthOf(w);
        if (SimhFormat.isMarker(w) || length < 0 || (length == 0 && !SimhFormat.isBad(w))) {
            return TapeObject.invalid(p);
        }
        long end = p + SimhFormat.recordSpan(length);
        if (end > limit || readWord(end - SimhFormat.WORD) != w) {
            return TapeObject.invalid(p);
        }
        return new TapeObject(TapeObject.Kind.RECORD, p, end, length, SimhFormat.isBad(w));
    }

    /** The object that ends at {@code offset}, walking back over erase gaps; BEGINNING at 0. */
    TapeObject backward(long offset) throws IOException {
        long p = offset;
        while (true) {
            if (p <= 0) {
                return TapeObject.beginning();
            }
            if (p < SimhFormat.WORD) {
                return TapeObject.invalid(p);
            }
            int w = readWord(p - SimhFormat.WORD);
            if (w == SimhFormat.TAPE_MARK) {
                return TapeObject.mark(p - SimhFormat.WORD);
            }
            if (w == SimhFormat.ERASE_GAP) {
                p -= SimhFormat.WORD;
                continue;
            }
            if ((w & 0xFFFF7F00) == 0xFFFF0000) {
                p -= SimhFormat.WORD / 2; // half gap seen in reverse (simh_magtape.doc, class F)
                continue;
            }
            int length = SimhFormat.lengthOf(w);
            if (SimhFormat.isMarker(w) || length < 0) {
                return TapeObject.invalid(p);
            }
            long start = p - SimhFormat.recordSpan(length);
            if (start < 0 || readWord(start) != w) {
                return TapeObject.invalid(p);
            }
            return new TapeObject(TapeObject.Kind.RECORD, start, p, length, SimhFormat.isBad(w));
        }
    }

    /** Copies a record's data bytes to {@code out}. */
    void copyData(TapeObject record, WritableByteChannel out) throws IOException {
        if (copyBuffer == null) {
            // Direct: record data goes from the image to the reply write without a copy.
            copyBuffer = ByteBuffer.allocateDirect(COPY_CHUNK);
        }
        long position = record.dataOffset();
        long left = record.length();
        while (left > 0) {
            copyBuffer.clear().limit((int) Math.min(COPY_CHUNK, left));
            int n = channel.read(copyBuffer, position);
            if (n < 0) {
                throw new IOException("tape image ends inside a record at " + position);
            }
            copyBuffer.flip();
            while (copyBuffer.hasRemaining()) {
                out.write(copyBuffer);
            }
            position += n;
            left -= n;
        }
    }

    /**
     * Writes one record of the next {@code len} bytes of {@code data} at {@code at} (the caller has
     * cut the image there) and returns its end. Header, payload and trailer go out in gathering
     * writes as the payload's chunks arrive: one system call for a record that fits one chunk.
     * If the payload is cut short or a write fails, the image is cut back to {@code at}.
     */
    long writeRecord(long at, Payload data, int len) throws IOException {
        header.clear();
        header.putInt(len).flip();
        trailer.clear();
        if ((len & 1) != 0) {
            trailer.put((byte) 0);
        }
        trailer.putInt(len).flip();
        if (channelPosition != at) {
            channel.position(at);
        }
        channelPosition = -1; // unknown until the record is whole
        try {
            boolean first = true;
            int taken = 0;
            do {
                ByteBuffer chunk = data.next(len - taken);
                taken += chunk.remaining();
                gather[0] = header;
                gather[1] = chunk;
                gather[2] = trailer;
                int from = first ? 0 : 1;
                int to = taken == len ? 3 : 2;
                writeFully(from, to - from);
                first = false;
            } while (taken < len);
        } catch (IOException | RuntimeException e) {
            truncate(at);
            throw e;
        } finally {
            gather[1] = null;
        }
        channelPosition = at + SimhFormat.recordSpan(len);
        size = Math.max(size, channelPosition);
        return channelPosition;
    }

    private void writeFully(int offset, int count) throws IOException {
        ByteBuffer last = gather[offset + count - 1];
        while (last.hasRemaining()) {
            channel.write(gather, offset, count);
        }
    }

    /** Writes one tape mark at {@code at}; returns its end. */
    long writeMark(long at) throws IOException {
        header.clear();
        header.putInt(SimhFormat.TAPE_MARK).flip();
        while (header.hasRemaining()) {
            channel.write(header, at + header.position());
        }
        size = Math.max(size, at + SimhFormat.WORD);
        return at + SimhFormat.WORD;
    }

    /** Cuts the image at {@code size}: SIMH end of data in the conservative profile. */
    void truncate(long size) throws IOException {
        channel.truncate(size);
        this.size = Math.min(this.size, size);
        channelPosition = -1; // truncate may have moved the channel's position
    }

    /** Makes every write so far durable. */
    void force() throws IOException {
        if (writable) {
            channel.force(false);
        }
    }

    /** The raw 32-bit word at {@code position} (for explaining what is wrong with an image). */
    int wordAt(long position) throws IOException {
        return readWord(position);
    }

    private int readWord(long position) throws IOException {
        word.clear();
        while (word.hasRemaining()) {
            if (channel.read(word, position + word.position()) < 0) {
                throw new IOException("tape image ends inside a length word at " + position);
            }
        }
        return word.getInt(0);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
