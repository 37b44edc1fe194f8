package org.rmt411.server.tape;

import java.util.Arrays;

/**
 * Where the tape marks of an image are, how many objects it holds and where its data ends. It
 * lets the drive space files in O(log n) and answer file and block numbers without reading the
 * image; it is a cache that {@link ImageScanner} can always rebuild from the image itself.
 *
 * <p>Objects (records and marks) are numbered from 0 at BOT: that number is the logical block
 * address MTTELL reports and MTSEEK takes.
 */
final class TapeIndex {
    private long[] markOffsets = new long[16];
    private long[] markObjects = new long[16];
    private int marks;
    private long objects;
    private long endOfData;

    /** Number of tape marks. */
    int markCount() {
        return marks;
    }

    /** Byte offset of mark {@code i} (0-based). */
    long markOffset(int i) {
        return markOffsets[i];
    }

    /** Object number of mark {@code i}. */
    long markObject(int i) {
        return markObjects[i];
    }

    /** Records and marks before end of data. */
    long objects() {
        return objects;
    }

    /** Byte offset of end of data. */
    long endOfData() {
        return endOfData;
    }

    /** Number of marks that lie wholly before byte {@code offset}: the file number there. */
    int marksBefore(long offset) {
        int i = Arrays.binarySearch(markOffsets, 0, marks, offset);
        return i >= 0 ? i : -i - 1;
    }

    /** Records a mark at {@code offset} with object number {@code object} and moves EOD after it. */
    void addMark(long offset, long object) {
        if (marks == markOffsets.length) {
            markOffsets = Arrays.copyOf(markOffsets, marks * 2);
            markObjects = Arrays.copyOf(markObjects, marks * 2);
        }
        markOffsets[marks] = offset;
        markObjects[marks] = object;
        marks++;
        extend(offset + SimhFormat.WORD, object + 1);
    }

    /** Moves end of data to {@code offset}, which holds {@code objects} objects. */
    void extend(long offset, long objectCount) {
        this.endOfData = offset;
        this.objects = objectCount;
    }

    /** Forgets everything from {@code offset} on: writing there made it the new end of data. */
    void truncate(long offset, long objectCount) {
        marks = marksBefore(offset);
        extend(offset, objectCount);
    }

    /** The marks as {@code offset:object} pairs separated by commas, for the sidecar. */
    String encodeMarks() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < marks; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(markOffsets[i]).append(':').append(markObjects[i]);
        }
        return sb.toString();
    }

    /**
     * Rebuilds an index from the sidecar's fields.
     *
     * @throws IllegalArgumentException when the text is malformed
     */
    static TapeIndex decode(String encodedMarks, long objects, long endOfData) {
        TapeIndex index = new TapeIndex();
        if (!encodedMarks.isBlank()) {
            for (String pair : encodedMarks.split(",")) {
                int colon = pair.indexOf(':');
                index.addMark(Long.parseLong(pair.substring(0, colon).trim()),
                        Long.parseLong(pair.substring(colon + 1).trim()));
            }
        }
        index.extend(endOfData, objects);
        return index;
    }
}
