package org.rmt411.server.tape;

import org.rmt411.protocol.MtStatus;

/** Fills {@code struct mtget} the way st's MTIOCGET does (rmt-protocol.md §5.1). */
final class DriveStatus {
    private DriveStatus() {
    }

    /**
     * The status of a drive.
     *
     * @param cartridge the mounted cartridge, or null for an empty drive (GMT_DR_OPEN)
     * @param earlyWarning st's EOM state after early warning: GMT_EOT
     */
    static MtStatus of(DriveState state, Cartridge cartridge, boolean earlyWarning) {
        // mt_dsreg: block size in bits 0-23 (0 = variable), density code in bits 24-31.
        long dsreg = (state.blockSize & 0xffffffL) | ((long) (state.density & 0xff) << 24);
        // st always reports IM_REP_EN with its default buffering.
        if (cartridge == null) {
            return new MtStatus(MtStatus.MT_ISSCSI2, 0, dsreg, MtStatus.GMT_DR_OPEN | MtStatus.GMT_IM_REP_EN, 0, -1, -1);
        }
        TapeIndex ix = cartridge.index();
        int file = ix.marksBefore(state.offset);
        long firstOfFile = file == 0 ? 0 : ix.markObject(file - 1) + 1;
        int fileno = state.fileKnown ? file : -1;
        int blkno = state.blockKnown ? (int) (state.object - firstOfFile) : -1;
        long gstat = MtStatus.GMT_ONLINE | MtStatus.GMT_IM_REP_EN;
        if (blkno == 0) {
            // st: BOT when blkno == 0 and fileno == 0, EOF when blkno == 0 and fileno != 0.
            gstat |= fileno == 0 ? MtStatus.GMT_BOT : MtStatus.GMT_EOF;
        }
        if (earlyWarning) {
            gstat |= MtStatus.GMT_EOT;
        }
        if (state.offset >= ix.endOfData()) {
            gstat |= MtStatus.GMT_EOD;
        }
        if (cartridge.writeProtected()) {
            gstat |= MtStatus.GMT_WR_PROT;
        }
        // mt_resid is the partition (always 0); mt_erreg counts recovered errors (none here).
        return new MtStatus(MtStatus.MT_ISSCSI2, 0, dsreg, gstat, 0, fileno, blkno);
    }
}
