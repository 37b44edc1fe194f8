package org.rmt411.server.tape;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import org.rmt411.server.device.Payload;
import org.rmt411.server.tape.store.FileImageStore;
import org.rmt411.server.tape.store.ImageStore;

/**
 * A SIMH {@code .tap} image on an {@link ImageStore}: walks objects forwards and backwards by
 * their length words and appends records and tape marks. It keeps no position of its own; the
 * drive says where. Appends write header, data, pad and trailer in one gathering write and never
 * force the store: durability points are the drive's business ({@link #force()}). Where the
 * bytes live (a file, objects in a bucket) is the store's business, not this class's.
 */
final class TapeImage implements Closeable {
    private static final int COPY_CHUNK = 256 * 1024;

    private final ImageStore store;
    private final ByteBuffer word = ByteBuffer.allocate(SimhFormat.WORD).order(ByteOrder.LITTLE_ENDIAN);
    // Direct, so a gathering write with a direct payload view copies nothing through the JDK's
    // temporary buffers.
    private final ByteBuffer header = ByteBuffer.allocateDirect(SimhFormat.WORD).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer trailer = ByteBuffer.allocateDirect(SimhFormat.WORD + 1).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer[] gather = new ByteBuffer[3];
    private ByteBuffer copyBuffer;

    TapeImage(ImageStore store) {
        this.store = store;
    }

    /** Opens (and with {@code writable} creates) the image file at {@code path}. */
    static TapeImage open(Path path, boolean writable) throws IOException {
        return new TapeImage(FileImageStore.open(path, writable));
    }

    boolean writable() {
        return store.writable();
    }

    /** The image's size in bytes. */
    long size() throws IOException {
        return store.size();
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
        copyRange(record.dataOffset(), record.length(), out);
    }

    /** Copies {@code length} image bytes from {@code position} to {@code out}. */
    void copyRange(long position, long length, WritableByteChannel out) throws IOException {
        if (copyBuffer == null) {
            // Direct: record data goes from the image to the reply write without a copy.
            copyBuffer = ByteBuffer.allocateDirect(COPY_CHUNK);
        }
        long at = position;
        long left = length;
        while (left > 0) {
            copyBuffer.clear().limit((int) Math.min(COPY_CHUNK, left));
            int n = store.read(copyBuffer, at);
            if (n < 0) {
                throw new IOException("tape image ends inside a record at " + at);
            }
            copyBuffer.flip();
            while (copyBuffer.hasRemaining()) {
                out.write(copyBuffer);
            }
            at += n;
            left -= n;
        }
    }

    /**
     * Writes one record of the next {@code len} bytes of {@code data} at {@code at} (the caller has
     * cut the image there) and returns its end. Header, payload and trailer go out in gathering
     * writes as the payload's chunks arrive: one store write for a record that fits one chunk.
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
        try {
            boolean first = true;
            int taken = 0;
            do {
                ByteBuffer chunk = data.next(len - taken);
                long chunkAt = at + SimhFormat.WORD + taken;
                taken += chunk.remaining();
                gather[0] = header;
                gather[1] = chunk;
                gather[2] = trailer;
                int from = first ? 0 : 1;
                int to = taken == len ? 3 : 2;
                store.write(gather, from, to - from, first ? at : chunkAt);
                first = false;
            } while (taken < len);
        } catch (IOException | RuntimeException e) {
            truncate(at);
            throw e;
        } finally {
            gather[1] = null;
        }
        return at + SimhFormat.recordSpan(len);
    }

    /** Writes one tape mark at {@code at}; returns its end. */
    long writeMark(long at) throws IOException {
        header.clear();
        header.putInt(SimhFormat.TAPE_MARK).flip();
        gather[0] = header;
        store.write(gather, 0, 1, at);
        return at + SimhFormat.WORD;
    }

    /** Bytes the image's store can still take (see {@link ImageStore#room()}). */
    long room() throws IOException {
        return store.room();
    }

    /** Cuts the image at {@code size}: SIMH end of data in the conservative profile. */
    void truncate(long size) throws IOException {
        store.truncate(size);
    }

    /** Makes every write so far durable. */
    void force() throws IOException {
        store.force();
    }

    /** The raw 32-bit word at {@code position} (for explaining what is wrong with an image). */
    int wordAt(long position) throws IOException {
        return readWord(position);
    }

    private int readWord(long position) throws IOException {
        word.clear();
        while (word.hasRemaining()) {
            if (store.read(word, position + word.position()) < 0) {
                throw new IOException("tape image ends inside a length word at " + position);
            }
        }
        return word.getInt(0);
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
