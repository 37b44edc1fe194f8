package org.rmt411.server.tape;

import java.time.Instant;

/**
 * What an operator sees of one cartridge ({@code rmt-server cartridge list}).
 *
 * @param barcode the label
 * @param capacity capacity in image bytes (0 = unlimited)
 * @param earlyWarning the early-warning zone in bytes
 * @param writeProtected the write-protect tab
 * @param imageBytes bytes of the {@code .tap} file
 * @param files tape files (data between marks, counting an unterminated last one)
 * @param records data records
 * @param dataBytes bytes in all records
 * @param filemarks tape marks
 * @param loadCount loads into a drive so far
 * @param tornTailRepairs torn tails cut back on load so far
 * @param created when the cartridge was made
 * @param lastWritten last synchronisation after a change, or null
 * @param drive the drive holding it, or -1
 */
public record CartridgeInfo(String barcode, long capacity, long earlyWarning, boolean writeProtected,
        long imageBytes, long files, long records, long dataBytes, long filemarks, long loadCount,
        long tornTailRepairs, Instant created, Instant lastWritten, int drive) {
}
