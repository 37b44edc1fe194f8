package org.rmt411.server.tape;

import static org.rmt411.protocol.MtStatus.GMT_BOT;
import static org.rmt411.protocol.MtStatus.GMT_D_1600;
import static org.rmt411.protocol.MtStatus.GMT_D_6250;
import static org.rmt411.protocol.MtStatus.GMT_D_800;
import static org.rmt411.protocol.MtStatus.GMT_EOD;
import static org.rmt411.protocol.MtStatus.GMT_EOF;
import static org.rmt411.server.tape.StStatusRows.EOM;
import static org.rmt411.server.tape.StStatusRows.ONLINE;
import static org.rmt411.server.tape.StStatusRows.RDONLY;
import static org.rmt411.server.tape.StStatusRows.RDWR;
import static org.rmt411.server.tape.StStatusRows.REW;
import static org.rmt411.server.tape.StStatusRows.op;
import static org.rmt411.server.tape.StStatusRows.row;
import static org.rmt411.server.tape.StStatusRows.write;

import java.util.ArrayList;
import java.util.List;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.server.tape.StStatusRows.Layout;
import org.rmt411.server.tape.StStatusRows.Row;

/** Rows of {@link StStatusTableTest} for st.c's st_int_ioctl spacing, set_location/get_location and settings. */
final class StStatusSpacingRows {
    private static final Layout THREE = Layout.THREE_FILES;

    private StStatusSpacingRows() {
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.addAll(files());
        rows.addAll(records());
        rows.addAll(seekAndSettings());
        return rows;
    }

    private static List<Row> files() {
        return List.of(
                row("st_int_ioctl MTFSF: after the n-th mark, file + n, block 0, ST_FM (EOF)", THREE, 2, 2, 0,
                        ONLINE | GMT_EOF, RDONLY, REW, op(MtOp.MTFSF, 2)),
                row("st_int_ioctl MTFSF into BLANK CHECK: EIO, file + n - residual, block -1, ST_EOD", THREE,
                        Errno.EIO, 3, -1, ONLINE | GMT_EOD, RDONLY, REW, op(MtOp.MTFSF, 5)),
                row("st_int_ioctl MTFSF 0: SPACE does not move, yet block 0 and ST_FM, so file 0 shows BOT",
                        THREE, 0, 0, 0, ONLINE | GMT_BOT, RDONLY, REW, op(MtOp.MTFSR, 2), op(MtOp.MTFSF, 0)),
                row("st_int_ioctl MTFSF with the file unknown (MTSEEK): file stays -1, block 0 shows EOF", THREE,
                        1, -1, 0, ONLINE | GMT_EOF, RDONLY, REW, op(MtOp.MTSEEK, 5), op(MtOp.MTFSF, 1)),
                row("st_int_ioctl MTBSF: BOT side of the mark, file - n, block -1, ST_NOEOF", THREE, 1, 1, -1,
                        ONLINE, RDONLY, REW, op(MtOp.MTFSF, 2), op(MtOp.MTBSF, 1)),
                row("st_int_ioctl MTBSF into BOT (EOM): EIO, file - n + residual, block 0 (BOT)", THREE,
                        Errno.EIO, 0, 0, ONLINE | GMT_BOT, RDONLY, REW, op(MtOp.MTFSF, 1), op(MtOp.MTBSF, 2)),
                row("st_int_ioctl MTBSF 0: SPACE does not move, block -1", THREE, 0, 0, -1, ONLINE, RDONLY, REW,
                        op(MtOp.MTFSR, 1), op(MtOp.MTBSF, 0)),
                row("st_ioctl: MTBSF right after a write writes a filemark and spaces over one more", THREE, 1, 2,
                        -1, ONLINE, RDWR, EOM, write(100), op(MtOp.MTBSF, 1)),
                row("st_int_ioctl MTFSFM: MTFSF n then MTBSF 1: file + n - 1, block -1, ST_NOEOF", THREE, 2, 1,
                        -1, ONLINE, RDONLY, REW, op(MtOp.MTFSFM, 2)),
                row("st_int_ioctl MTFSFM into BLANK CHECK: as MTFSF, and no MTBSF", THREE, Errno.EIO, 3, -1,
                        ONLINE | GMT_EOD, RDONLY, REW, op(MtOp.MTFSFM, 4)),
                row("st_int_ioctl MTBSFM: MTBSF n then MTFSF 1: file - n + 1, block 0, ST_FM (EOF)", THREE, 1, 2,
                        0, ONLINE | GMT_EOF, RDONLY, REW, op(MtOp.MTFSF, 2), op(MtOp.MTBSFM, 1)),
                row("st_int_ioctl MTBSFM into BOT: EIO at BOT, and no MTFSF", THREE, Errno.EIO, 0, 0,
                        ONLINE | GMT_BOT, RDONLY, REW, op(MtOp.MTFSF, 1), op(MtOp.MTBSFM, 2)),
                row("st_int_ioctl MTEOM: MTFSF until BLANK CHECK: file + marks, block -1, ST_EOD", THREE, 1, 3,
                        -1, ONLINE | GMT_EOD, RDONLY, REW, EOM),
                row("st_int_ioctl MTEOM on a blank tape: file 0, block -1 (no BOT), ST_EOD", Layout.BLANK, 1, 0,
                        -1, ONLINE | GMT_EOD, RDONLY, EOM),
                row("st_int_ioctl MTREW: file 0, block 0, ST_NOEOF (BOT, EOD cleared)", THREE, 1, 0, 0,
                        ONLINE | GMT_BOT, RDONLY, EOM, REW));
    }

    private static List<Row> records() {
        return List.of(
                row("st_int_ioctl MTFSR: block + n, ST_NOEOF", THREE, 2, 0, 2, ONLINE, RDONLY, REW,
                        op(MtOp.MTFSR, 2)),
                row("st_int_ioctl MTFSR into a filemark (FMK): EIO after it, file + 1, block 0, ST_FM (EOF)",
                        THREE, Errno.EIO, 1, 0, ONLINE | GMT_EOF, RDONLY, REW, op(MtOp.MTFSR, 5)),
                row("st_int_ioctl MTFSR into BLANK CHECK: EIO, block + n - residual, ST_EOD", Layout.BLANK,
                        Errno.EIO, 0, 2, ONLINE | GMT_EOD, RDWR, write(100), write(100), op(MtOp.MTBSR, 2),
                        op(MtOp.MTFSR, 5)),
                row("st_int_ioctl MTFSR at end of data right after a filemark: block 0 + n - n (EOF and EOD)",
                        THREE, Errno.EIO, 3, 0, ONLINE | GMT_EOF | GMT_EOD, RDONLY, REW, op(MtOp.MTFSF, 3),
                        op(MtOp.MTFSR, 2)),
                row("st_int_ioctl MTBSR: block - n, ST_NOEOF", THREE, 1, 0, 1, ONLINE, RDONLY, REW,
                        op(MtOp.MTFSR, 2), op(MtOp.MTBSR, 1)),
                row("st_int_ioctl MTBSR into a filemark (FMK): EIO on its BOT side, file - 1, block -1", THREE,
                        Errno.EIO, 0, -1, ONLINE, RDONLY, REW, op(MtOp.MTFSF, 1), op(MtOp.MTBSR, 1)),
                row("st_int_ioctl MTBSR into BOT (EOM): EIO, block - n + residual (BOT)", THREE, Errno.EIO, 0, 0,
                        ONLINE | GMT_BOT, RDONLY, REW, op(MtOp.MTFSR, 1), op(MtOp.MTBSR, 3)));
    }

    private static List<Row> seekAndSettings() {
        Layout blank = Layout.BLANK;
        return List.of(
                row("set_location: MTSEEK forgets file and block (-1) and the eof state", THREE, 9, -1, -1,
                        ONLINE, RDONLY, EOM, op(MtOp.MTSEEK, 9)),
                row("set_location: MTSEEK to block 0 is file 0, block 0 (BOT)", THREE, 0, 0, 0, ONLINE | GMT_BOT,
                        RDONLY, REW, op(MtOp.MTFSF, 2), op(MtOp.MTSEEK, 0)),
                row("set_location past end of data: EIO, file and block -1", THREE, Errno.EIO, -1, -1, ONLINE,
                        RDONLY, REW, op(MtOp.MTSEEK, 99)),
                row("MTTELL is st's MTIOCPOS (get_location): nothing changes mid-tape", THREE, 5, 1, 1, ONLINE,
                        RDONLY, REW, op(MtOp.MTFSF, 1), op(MtOp.MTFSR, 1), op(MtOp.MTTELL, 1)),
                row("get_location: READ POSITION at BOP sets file and block 0", THREE, 0, 0, 0, ONLINE | GMT_BOT,
                        RDONLY, REW, op(MtOp.MTSEEK, 1), op(MtOp.MTBSR, 1), op(MtOp.MTTELL, 1)),
                row("get_location keeps the eof state: ST_EOD after MTEOM stays", THREE, 12, 3, -1,
                        ONLINE | GMT_EOD, RDONLY, EOM, op(MtOp.MTTELL, 1)),
                row("MTIOCGET mt_dsreg: MTSETBLK's block size in bits 0-23", blank, 512, 0, 0, ONLINE | GMT_BOT,
                        RDONLY, op(MtOp.MTSETBLK, 512)).dsreg(512),
                row("st_int_ioctl MTSETBLK: chg_eof 0 keeps ST_EOD", THREE, 512, 3, -1, ONLINE | GMT_EOD, RDONLY,
                        EOM, op(MtOp.MTSETBLK, 512)).dsreg(512),
                row("MTIOCGET: density 1 in mt_dsreg bits 24-31 and GMT_D_800", blank, 1, 0, 0,
                        ONLINE | GMT_BOT | GMT_D_800, RDONLY, op(MtOp.MTSETDENSITY, 1)).dsreg(1L << 24),
                row("MTIOCGET: density 2 is GMT_D_1600", blank, 2, 0, 0, ONLINE | GMT_BOT | GMT_D_1600, RDONLY,
                        op(MtOp.MTSETDENSITY, 2)).dsreg(2L << 24),
                row("MTIOCGET: density 3 is GMT_D_6250", blank, 3, 0, 0, ONLINE | GMT_BOT | GMT_D_6250, RDONLY,
                        op(MtOp.MTSETDENSITY, 3)).dsreg(3L << 24),
                row("MTIOCGET: other densities set no GMT_D_ bit", blank, 0x5e, 0, 0, ONLINE | GMT_BOT, RDONLY,
                        op(MtOp.MTSETDENSITY, 0x5e)).dsreg(0x5eL << 24));
    }
}
