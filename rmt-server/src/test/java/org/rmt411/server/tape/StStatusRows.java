package org.rmt411.server.tape;

import static org.rmt411.protocol.MtStatus.GMT_BOT;
import static org.rmt411.protocol.MtStatus.GMT_D_1600;
import static org.rmt411.protocol.MtStatus.GMT_D_6250;
import static org.rmt411.protocol.MtStatus.GMT_D_800;
import static org.rmt411.protocol.MtStatus.GMT_DR_OPEN;
import static org.rmt411.protocol.MtStatus.GMT_EOD;
import static org.rmt411.protocol.MtStatus.GMT_EOF;
import static org.rmt411.protocol.MtStatus.GMT_EOT;
import static org.rmt411.protocol.MtStatus.GMT_IM_REP_EN;
import static org.rmt411.protocol.MtStatus.GMT_ONLINE;
import static org.rmt411.protocol.MtStatus.GMT_SM;
import static org.rmt411.protocol.MtStatus.GMT_WR_PROT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;

/**
 * The rows of {@link StStatusTableTest}: what Linux st (drivers/scsi/st.c) reports after each
 * operation in each state. Each row's name is the st.c function and the rule it encodes; the
 * SCSI conditions it relies on are the ones a tape drive returns (SSC): SPACE and READ into end
 * of data are BLANK CHECK, SPACE back into BOT sets EOM, SPACE over a filemark sets FILEMARK,
 * each with the residual count st subtracts.
 */
final class StStatusRows {
    private StStatusRows() {
    }

    /** The cartridge and library a row starts from. */
    enum Layout {
        /** A never-used drive: the autoloader loads a blank cartridge. */
        BLANK,
        /** Three files of three 100-byte records, each closed by close(): objects 0-2, mark 3,
         * 4-6, mark 7, 8-10, mark 11; the drive is after mark 11. */
        THREE_FILES,
        /** A blank cartridge of 6000 bytes, early warning 2000 before the end. */
        SMALL,
        /** {@link #THREE_FILES}, write-protected by the operator. */
        PROTECTED,
        /** {@link #THREE_FILES} in a library without autoloader: MTOFFL empties the drive. */
        NO_AUTOLOADER
    }

    /**
     * One (operation, state) pair.
     *
     * @param st the st.c function and rule
     * @param requests the RMT requests, the first an open, the last the operation under test
     * @param reply the last request's reply: a Long for {@code A}, an {@link Errno} for {@code E}
     * @param gstat every GMT bit expected, nothing more
     */
    record Row(String st, Layout layout, List<String> requests, Object reply, int fileno, int blkno, long gstat,
            long dsreg) {
        Row dsreg(long value) {
            return new Row(st, layout, requests, reply, fileno, blkno, gstat, value);
        }

        @Override
        public String toString() {
            return st;
        }
    }

    /** ST_READY with st's default asynchronous writes. */
    static final long ONLINE = GMT_ONLINE | GMT_IM_REP_EN;
    /** ST_NO_TAPE. */
    static final long EMPTY = GMT_DR_OPEN | GMT_IM_REP_EN;

    static final String RDONLY = "O/dev/nst0\n0\n";
    static final String RDWR = "O/dev/nst0\n2\n";
    static final String NONBLOCK = "O/dev/nst0\n" + 04000 + "\n";
    static final String CLOSE = "C\n";
    static final String REW = op(MtOp.MTREW, 1);
    static final String EOM = op(MtOp.MTEOM, 1);

    static String op(int linuxOp, int count) {
        return "I" + linuxOp + "\n" + count + "\n";
    }

    static String write(int length) {
        return "W" + length + "\n" + "x".repeat(length);
    }

    static String read(int count) {
        return "R" + count + "\n";
    }

    static String[] times(int n, String request) {
        String[] r = new String[n];
        Arrays.fill(r, request);
        return r;
    }

    static String[] concat(String[] head, String... tail) {
        List<String> all = new ArrayList<>(Arrays.asList(head));
        all.addAll(Arrays.asList(tail));
        return all.toArray(String[]::new);
    }

    static Row row(String st, Layout layout, Object reply, int fileno, int blkno, long gstat, String... requests) {
        Object expected = reply instanceof Integer i ? Long.valueOf(i) : reply;
        return new Row(st, layout, List.of(requests), expected, fileno, blkno, gstat, 0);
    }

    /** The GMT bits of {@code gstat} by name, for readable failures. */
    static List<String> bits(long gstat) {
        Map<String, Long> names = Map.ofEntries(Map.entry("EOF", GMT_EOF), Map.entry("BOT", GMT_BOT),
                Map.entry("EOT", GMT_EOT), Map.entry("SM", GMT_SM), Map.entry("EOD", GMT_EOD),
                Map.entry("WR_PROT", GMT_WR_PROT), Map.entry("ONLINE", GMT_ONLINE),
                Map.entry("D_6250", GMT_D_6250), Map.entry("D_1600", GMT_D_1600), Map.entry("D_800", GMT_D_800),
                Map.entry("DR_OPEN", GMT_DR_OPEN), Map.entry("IM_REP_EN", GMT_IM_REP_EN));
        List<String> set = new ArrayList<>();
        long rest = gstat;
        for (Map.Entry<String, Long> e : names.entrySet()) {
            if ((gstat & e.getValue()) != 0) {
                set.add(e.getKey());
                rest &= ~e.getValue();
            }
        }
        if (rest != 0) {
            set.add("0x" + Long.toHexString(rest));
        }
        set.sort(null);
        return set;
    }

    static List<Row> all() {
        List<Row> rows = new ArrayList<>();
        rows.addAll(loading());
        rows.addAll(writing());
        rows.addAll(reading());
        rows.addAll(StStatusSpacingRows.rows());
        return rows;
    }

    private static List<Row> loading() {
        Layout three = Layout.THREE_FILES;
        Layout empty = Layout.NO_AUTOLOADER;
        return List.of(
                row("check_tape: a fresh load is a new tape session: file 0, block 0, ST_NOEOF (BOT, no EOD "
                        + "even when blank)", Layout.BLANK, 0, 0, 0, ONLINE | GMT_BOT, RDONLY),
                row("st_flush: close after a write wrote a filemark: file + 1, block 0, ST_FM (EOF, not EOD)",
                        three, 0, 3, 0, ONLINE | GMT_EOF, RDONLY),
                row("st_open leaves STps->eof: ST_EOD after MTEOM survives close and open", three, 0, 3, -1,
                        ONLINE | GMT_EOD, RDWR, EOM, CLOSE, RDONLY),
                row("check_tape MODE SENSE: drv_write_prot is GMT_WR_PROT", Layout.PROTECTED, 1, 0, 0,
                        ONLINE | GMT_BOT | GMT_WR_PROT, RDONLY, REW),
                row("do_load_unload: MTOFFL leaves drv_file, drv_block and eof; ST_NO_TAPE is DR_OPEN without "
                        + "ONLINE", empty, 1, 1, 0, EMPTY | GMT_EOF, RDWR, REW, op(MtOp.MTFSF, 1),
                        op(MtOp.MTOFFL, 1)),
                row("check_tape without a tape (O_NONBLOCK open): file -1, block -1, block size and density 0",
                        empty, 0, -1, -1, EMPTY, RDWR, op(MtOp.MTSETBLK, 512), op(MtOp.MTSETDENSITY, 3),
                        op(MtOp.MTOFFL, 1), CLOSE, NONBLOCK),
                row("do_load_unload + check_tape: MTLOAD into an empty drive is a new session (BOT)", empty, 1,
                        0, 0, ONLINE | GMT_BOT, RDWR, op(MtOp.MTOFFL, 1), CLOSE, NONBLOCK, op(MtOp.MTLOAD, 1)),
                row("MTOFFL with the autoloader: the next cartridge is a new session (BOT, no EOD)", three, 1, 0,
                        0, ONLINE | GMT_BOT, RDWR, op(MtOp.MTOFFL, 1)));
    }

    private static List<Row> writing() {
        Layout blank = Layout.BLANK;
        Layout small = Layout.SMALL;
        String r = write(1008); // 1016 image bytes: the 4th ends at 4064, past early warning (4000)
        return List.of(
                row("st_write: drv_block + 1 per record, ST_NOEOF", blank, 100, 0, 1, ONLINE, RDWR, write(100)),
                row("st_write after MTEOM: block -1 stays -1, ST_EOD becomes ST_NOEOF", Layout.THREE_FILES, 100,
                        3, -1, ONLINE, RDWR, EOM, write(100)),
                row("st_write fixed-block: drv_block + blocks written (1024 bytes of 512)", blank, 1024, 0, 2,
                        ONLINE, RDWR, op(MtOp.MTSETBLK, 512), write(1024)).dsreg(512),
                row("st_write reaching early warning completes: ST_EOM_OK is EOT", small, 1008, 0, 4,
                        ONLINE | GMT_EOT, concat(new String[] {RDWR}, times(4, r))),
                row("st_write in ST_EOM_OK: ENOSPC and ST_EOD_1, which is EOD, not EOT", small, Errno.ENOSPC, 0,
                        4, ONLINE | GMT_EOD, concat(new String[] {RDWR}, times(5, r))),
                row("st_write in ST_EOD_1 goes through: ST_EOM_OK again (EOT)", small, 1008, 0, 5,
                        ONLINE | GMT_EOT, concat(new String[] {RDWR}, times(6, r))),
                row("st_write at the physical end: VOLUME OVERFLOW, nothing written, ST_EOM_OK (EOT)", small,
                        Errno.ENOSPC, 0, 5, ONLINE | GMT_EOT, concat(new String[] {RDWR}, times(8, r))),
                row("st_int_ioctl MTWEOF: file + n, block 0, ST_NOEOF (EOF)", blank, 2, 2, 0, ONLINE | GMT_EOF,
                        RDWR, write(100), op(MtOp.MTWEOF, 2)),
                row("st_int_ioctl MTWEOF 0: no mark, yet block 0, so file 0 shows BOT", blank, 0, 0, 0,
                        ONLINE | GMT_BOT, RDWR, write(100), write(100), op(MtOp.MTWEOF, 0)),
                row("st_int_ioctl MTWEOF at early warning: written, ST_NOEOF clears EOT", small, 1, 1, 0,
                        ONLINE | GMT_EOF, concat(concat(new String[] {RDWR}, times(4, r)), op(MtOp.MTWEOF, 1))),
                row("st_ioctl: MTREW right after a write writes a filemark first; REZERO_UNIT: 0, 0, ST_NOEOF",
                        blank, 1, 0, 0, ONLINE | GMT_BOT, RDWR, write(100), REW),
                row("st_ioctl: MTLOCK sets ST_IDLE, so close writes no filemark", blank, 0, 0, 1, ONLINE, RDWR,
                        write(100), op(MtOp.MTLOCK, 1), CLOSE, RDONLY),
                row("st_ioctl: MTSETBLK keeps ST_WRITING, so close still writes the filemark", blank, 0, 1, 0,
                        ONLINE | GMT_EOF, RDWR, write(100), op(MtOp.MTSETBLK, 0), CLOSE, RDONLY));
    }

    private static List<Row> reading() {
        Layout three = Layout.THREE_FILES;
        return List.of(
                row("read_tape: a record read is block + 1", three, 100, 0, 1, ONLINE, RDONLY, REW, read(100)),
                row("read_tape ILI, count too small: ENOMEM, the block still counted", three, Errno.ENOMEM, 0, 1,
                        ONLINE, RDONLY, REW, read(50)),
                row("read_tape FMK and st_read: a filemark reads 0: file + 1, block 0, ST_FM (EOF)", three, 0, 1,
                        0, ONLINE | GMT_EOF, RDONLY, REW, op(MtOp.MTFSR, 3), read(100)),
                row("st_read: data after a filemark ends ST_FM", three, 100, 1, 1, ONLINE, RDONLY, REW,
                        op(MtOp.MTFSR, 3), read(100), read(100)),
                row("read_tape BLANK CHECK in ST_FM: reads 0, block -1, ST_EOD (EOD)", three, 0, 3, -1,
                        ONLINE | GMT_EOD, RDONLY, read(100)),
                row("st_read in ST_EOD: EIO without moving", three, Errno.EIO, 3, -1, ONLINE | GMT_EOD, RDONLY,
                        read(100), read(100)),
                row("read_tape BLANK CHECK not after a filemark: EIO, block -1, no ST_EOD", Layout.BLANK,
                        Errno.EIO, 0, -1, ONLINE, RDONLY, read(100)),
                row("st_read in ST_EOD_1 (after a refused write): 0 without moving, ST_EOD_2 (EOD)",
                        Layout.SMALL, 0, 0, 4, ONLINE | GMT_EOD,
                        concat(concat(new String[] {RDWR}, times(5, write(1008))), read(100))));
    }
}
