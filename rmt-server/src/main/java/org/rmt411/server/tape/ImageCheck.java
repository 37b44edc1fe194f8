package org.rmt411.server.tape;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decides whether a file is a well-formed SIMH image before it becomes a cartridge
 * ({@code cartridge import}): every object from BOT is walked ({@link ImageScanner}) and must be
 * whole, a record's length word the same at both ends, up to the end of the file or an
 * end-of-medium marker. Unlike a load, which cuts a torn tail, an import refuses one: the
 * operator is handing over an archive, and half a record at its end means it is not the file
 * they think it is. The first bad word is named by its byte offset and what is wrong with it.
 */
final class ImageCheck {
    private ImageCheck() {
    }

    /** A file that is not a SIMH image, and why. */
    static final class MalformedImageException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedImageException(Path file, long offset, String reason) {
            super(file + ": not a SIMH tape image: bad length word at byte " + offset + " (" + reason + ")");
        }
    }

    /**
     * The scan of the image at {@code file}.
     *
     * @param shownAs the name the operator gave it, for the error
     * @throws MalformedImageException at the first object that is not whole
     */
    static ImageScanner.Scan check(Path file, Path shownAs) throws IOException {
        try (TapeImage image = TapeImage.open(file, false)) {
            return check(image, shownAs);
        }
    }

    /** The same check of an image already open (a copy in a library's store). */
    static ImageScanner.Scan check(TapeImage image, Path shownAs) throws IOException {
        ImageScanner.Scan scan = ImageScanner.scan(image);
        if (scan.tornAt() >= 0) {
            long at = pastGaps(image, scan.tornAt());
            throw new MalformedImageException(shownAs, at, explain(image, at));
        }
        return scan;
    }

    /** Where the object the scan stopped at starts: erase gaps before it are fine. */
    private static long pastGaps(TapeImage image, long offset) throws IOException {
        long p = offset;
        while (p + SimhFormat.WORD <= image.size()) {
            int w = image.wordAt(p);
            if (w == SimhFormat.ERASE_GAP) {
                p += SimhFormat.WORD;
            } else if (w == SimhFormat.HALF_GAP_FORWARD) {
                p += SimhFormat.WORD / 2;
            } else {
                break;
            }
        }
        return p;
    }

    /** What is wrong with the length word at {@code offset}, which the scan found not whole. */
    private static String explain(TapeImage image, long offset) throws IOException {
        long size = image.size();
        if (offset + SimhFormat.WORD > size) {
            return "the file ends " + (size - offset) + " bytes into it";
        }
        int w = image.wordAt(offset);
        if (SimhFormat.isMarker(w)) {
            return String.format("0x%08X is no SIMH marker", w);
        }
        int length = SimhFormat.lengthOf(w);
        if (length < 0) {
            return String.format("0x%08X sets the reserved bits 30-24", w);
        }
        long end = offset + SimhFormat.recordSpan(length);
        if (end > size) {
            return "a record of " + length + " bytes needs " + (end - offset) + " bytes, the file has "
                    + (size - offset) + " from there";
        }
        long trailerAt = end - SimhFormat.WORD;
        return String.format("the record's trailer at byte %d is 0x%08X, its header 0x%08X",
                trailerAt, image.wordAt(trailerAt), w);
    }
}
