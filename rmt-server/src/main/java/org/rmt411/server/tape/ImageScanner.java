package org.rmt411.server.tape;

import java.io.IOException;

/**
 * Walks a whole image from BOT, rebuilding its {@link TapeIndex} and counting what it holds.
 * The walk stops at end of data (end of file or an end-of-medium marker) or at the first object
 * that is not whole: a record whose trailer is missing or differs from its header is a torn
 * tail, written when the host stopped in the middle of a record.
 */
final class ImageScanner {
    private ImageScanner() {
    }

    /**
     * The result of a scan.
     *
     * @param index marks, objects and end of data
     * @param records data records
     * @param dataBytes data bytes in all records
     * @param badRecords records carrying the SIMH error flag
     * @param tornAt byte offset of the first object that is not whole, or -1
     * @param fileSize the image's size in bytes
     */
    record Scan(TapeIndex index, long records, long dataBytes, long badRecords, long tornAt, long fileSize) {
        /** Tape files: one per mark, plus a last one not (yet) closed by a mark. */
        long files() {
            long lastMarkObject = index.markCount() == 0 ? -1 : index.markObject(index.markCount() - 1);
            return index.markCount() + (index.objects() > lastMarkObject + 1 ? 1 : 0);
        }
    }

    static Scan scan(TapeImage image) throws IOException {
        long size = image.size();
        TapeIndex index = new TapeIndex();
        long offset = 0;
        long object = 0;
        long records = 0;
        long bytes = 0;
        long bad = 0;
        while (true) {
            TapeObject o = image.forward(offset, size);
            switch (o.kind()) {
                case MARK:
                    index.addMark(o.offset(), object);
                    break;
                case RECORD:
                    records++;
                    bytes += o.length();
                    bad += o.bad() ? 1 : 0;
                    break;
                case END_OF_DATA:
                    index.extend(o.offset(), object);
                    return new Scan(index, records, bytes, bad, -1, size);
                default:
                    index.extend(offset, object);
                    return new Scan(index, records, bytes, bad, offset, size);
            }
            offset = o.end();
            object++;
        }
    }
}
