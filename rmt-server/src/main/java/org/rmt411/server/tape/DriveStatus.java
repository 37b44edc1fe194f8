package org.rmt411.server.tape;

import org.rmt411.protocol.MtStatus;

/**
 * Fills {@code struct mtget} field by field as the MTIOCGET branch of st.c's {@code st_ioctl}
 * does (docs/virtual-tape.md "Status"): everything comes from st's own state (its counters,
 * its eof state, whether a tape is ready), never from the shape of the image.
 */
final class DriveStatus {
    private DriveStatus() {
    }

    /**
     * The status of a drive.
     *
     * @param cartridge the mounted cartridge, or null for an empty drive
     * @param modeSensed false when the drive was empty at open: st's {@code check_tape} then
     *     clears its block size and density, so mt_dsreg is 0
     */
    static MtStatus of(DriveState state, Cartridge cartridge, boolean modeSensed) {
        int blockSize = modeSensed ? state.blockSize : 0;
        int density = modeSensed ? state.density : 0;
        long dsreg = (blockSize & 0xffffffL) | ((long) (density & 0xff) << 24);
        long gstat = position(state) | densityBits(density);
        // st sets GMT_IM_REP_EN when asynchronous writes are on, its default (ST_ASYNC_WRITES).
        gstat |= MtStatus.GMT_IM_REP_EN;
        if (cartridge == null) {
            gstat |= MtStatus.GMT_DR_OPEN; // STp->ready == ST_NO_TAPE
        } else {
            gstat |= MtStatus.GMT_ONLINE; // STp->ready == ST_READY
            if (cartridge.writeProtected()) {
                gstat |= MtStatus.GMT_WR_PROT; // drv_write_prot: the medium's, not O_RDONLY
            }
        }
        // mt_resid is st's partition number (always 0 here); mt_erreg the recovered-error
        // count since the last MTIOCGET (an image has none); mt_type MT_ISSCSI2 as st_probe.
        return new MtStatus(MtStatus.MT_ISSCSI2, 0, dsreg, gstat, 0, state.fileno, state.blkno);
    }

    /** BOT, EOF, EOT and EOD exactly as st derives them from drv_file, drv_block and eof. */
    private static long position(DriveState state) {
        long gstat = 0;
        if (state.blkno == 0) {
            // st: block 0 of file 0 is BOT; block 0 of any other file, -1 included, is EOF.
            gstat |= state.fileno == 0 ? MtStatus.GMT_BOT : MtStatus.GMT_EOF;
        }
        if (state.eof.endOfTape()) {
            gstat |= MtStatus.GMT_EOT;
        } else if (state.eof.endOfData()) {
            gstat |= MtStatus.GMT_EOD;
        }
        return gstat;
    }

    /** st: GMT_D_800, GMT_D_1600 and GMT_D_6250 for density codes 1, 2 and 3. */
    private static long densityBits(int density) {
        return switch (density) {
            case 1 -> MtStatus.GMT_D_800;
            case 2 -> MtStatus.GMT_D_1600;
            case 3 -> MtStatus.GMT_D_6250;
            default -> 0;
        };
    }
}
