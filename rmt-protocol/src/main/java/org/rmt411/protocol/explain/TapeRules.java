package org.rmt411.protocol.explain;

import java.util.Map;
import java.util.StringJoiner;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.MtStatus;

/**
 * The Linux st(4) rules behind a tape operation's outcome, as docs/virtual-tape.md tables them,
 * in one sentence each: what the operation does, and where a failure leaves the tape. Shared by
 * the traces and the console with {@link Explanations}.
 */
public final class TapeRules {
    /** Linux op → name and what it does when it succeeds. */
    private static final Map<Integer, String[]> OPS = Map.ofEntries(
            op(MtOp.MTRESET, "MTRESET", "reset the drive (not offered: st needs the SCSI reset)"),
            op(MtOp.MTFSF, "MTFSF", "space forward over count filemarks: file + count, block 0"),
            op(MtOp.MTBSF, "MTBSF", "space back over count filemarks, stopping on their BOT side: block unknown"),
            op(MtOp.MTFSR, "MTFSR", "space forward over count records: block + count"),
            op(MtOp.MTBSR, "MTBSR", "space back over count records: block - count"),
            op(MtOp.MTWEOF, "MTWEOF", "write count filemarks here: file + count, block 0; what followed is cut off"),
            op(MtOp.MTREW, "MTREW", "rewind to the beginning of tape: file 0, block 0"),
            op(MtOp.MTOFFL, "MTOFFL", "rewind and unload (an autoloader loads the next cartridge)"),
            op(MtOp.MTNOP, "MTNOP", "nothing (clients use it to check that the drive answers)"),
            op(MtOp.MTRETEN, "MTRETEN", "retension: wind to the end and back, ending at BOT"),
            op(MtOp.MTBSFM, "MTBSFM", "MTBSF, then forward over the mark: block 0"),
            op(MtOp.MTFSFM, "MTFSFM", "MTFSF, then back before the mark: block unknown"),
            op(MtOp.MTEOM, "MTEOM", "go to end of data, after the last filemark, ready to append"),
            op(MtOp.MTERASE, "MTERASE", "erase from here to the end of tape, then rewind"),
            op(MtOp.MTSETBLK, "MTSETBLK", "set the block size (0 = variable, as tar wants)"),
            op(MtOp.MTSETDENSITY, "MTSETDENSITY", "set the density code"),
            op(MtOp.MTSEEK, "MTSEEK", "go to a logical block number (records and filemarks from BOT)"),
            op(MtOp.MTTELL, "MTTELL", "tell the logical block number"),
            op(MtOp.MTSETDRVBUFFER, "MTSETDRVBUFFER", "set drive buffering (st requires CAP_SYS_ADMIN)"),
            op(MtOp.MTLOCK, "MTLOCK", "lock the drive door"),
            op(MtOp.MTUNLOCK, "MTUNLOCK", "unlock the drive door"),
            op(MtOp.MTLOAD, "MTLOAD", "load a cartridge"),
            op(MtOp.MTUNLOAD, "MTUNLOAD", "unload the cartridge"),
            op(MtOp.MTCOMPRESSION, "MTCOMPRESSION", "switch drive compression"),
            op(MtOp.MTWEOFI, "MTWEOFI", "write count filemarks without flushing the drive buffer"));

    /** Linux op → where an EIO leaves the tape (st's residual rules, docs/virtual-tape.md). */
    private static final Map<Integer, String> EIO = Map.of(
            MtOp.MTFSF, "MTFSF ran into end of data: position after the last filemark, block unknown (GMT_EOD)",
            MtOp.MTBSF, "MTBSF ran into the beginning of tape: position at BOT, file 0, block 0",
            MtOp.MTFSR, "MTFSR met a filemark (now after it, next file, block 0) or end of data (GMT_EOD)",
            MtOp.MTBSR, "MTBSR met a filemark (now on its BOT side, block unknown) or the beginning of tape",
            MtOp.MTFSFM, "MTFSFM ran into end of data: position after the last filemark",
            MtOp.MTBSFM, "MTBSFM ran into the beginning of tape: position at BOT",
            MtOp.MTSEEK, "MTSEEK went past end of data: the position is unknown",
            MtOp.MTEOM, "MTEOM could not reach end of data");

    /** Errno → why an R failed, st's read rules. */
    private static final Map<Integer, String> READ = Map.of(
            Errno.EIO.number(), "st: a read at end of data is EIO (blank check); right after a filemark the "
                    + "first read answers 0 bytes instead",
            Errno.ENOMEM.number(), "st: the record is longer than the count asked for, and a variable-block "
                    + "read never returns part of a record: ENOMEM",
            Errno.EBADF.number(), "nothing is open, or it is open write-only (EBADF)",
            Errno.EINVAL.number(), "the count does not fit the drive's fixed block size, or is too large");

    /** Errno → why a W failed. */
    private static final Map<Integer, String> WRITE = Map.of(
            Errno.EACCES.number(), "the device is open read-only (O_RDONLY), or a rule allows only reading",
            Errno.EBADF.number(), "nothing is open, or it is open read-only (EBADF)",
            Errno.EROFS.number(), "the cartridge is write-protected",
            Errno.ENOSPC.number(), "st: the end of the medium: no room for this record (ENOSPC)",
            Errno.EIO.number(), "st: the drive could not write the record (EIO)",
            Errno.EINVAL.number(), "the count does not fit the drive's fixed block size, or is too large");

    private static final long[] GMT = {MtStatus.GMT_EOF, MtStatus.GMT_BOT, MtStatus.GMT_EOT, MtStatus.GMT_SM,
        MtStatus.GMT_EOD, MtStatus.GMT_WR_PROT, MtStatus.GMT_ONLINE, MtStatus.GMT_D_6250, MtStatus.GMT_D_1600,
        MtStatus.GMT_D_800, MtStatus.GMT_DR_OPEN, MtStatus.GMT_IM_REP_EN};
    private static final String[] GMT_NAMES = {"GMT_EOF", "GMT_BOT", "GMT_EOT", "GMT_SM", "GMT_EOD",
        "GMT_WR_PROT", "GMT_ONLINE", "GMT_D_6250", "GMT_D_1600", "GMT_D_800", "GMT_DR_OPEN", "GMT_IM_REP_EN"};

    private TapeRules() {
    }

    private static Map.Entry<Integer, String[]> op(int number, String name, String does) {
        return Map.entry(number, new String[] {name, does});
    }

    /** "MTFSF", or "op 99" for a number Linux does not define. */
    public static String opName(int linuxOp) {
        String[] op = OPS.get(linuxOp);
        return op == null ? "op " + linuxOp : op[0];
    }

    /** What the operation does when it succeeds. */
    public static String does(int linuxOp) {
        String[] op = OPS.get(linuxOp);
        return op == null ? "an operation Linux does not define" : op[1];
    }

    /**
     * Why an operation failed with {@code errno}, as st explains it: "st: MTFSF ran into end of
     * data: EIO, position after the last filemark ...".
     */
    public static String failure(int linuxOp, int errno) {
        String name = opName(linuxOp);
        if (errno == Errno.EIO.number() && EIO.containsKey(linuxOp)) {
            return "st: " + EIO.get(linuxOp).replaceFirst(": ", ": EIO, ");
        }
        if (errno == Errno.ENOSYS.number()) {
            return "st: " + name + " is not an operation this drive offers: ENOSYS";
        }
        if (errno == Errno.ENOTTY.number()) {
            return name + " needs a tape drive; this is a plain file or device, so ioctl says ENOTTY";
        }
        if (errno == Errno.EBADF.number()) {
            return "nothing is open: open a device first (EBADF)";
        }
        if (errno == Errno.EACCES.number() || errno == Errno.EROFS.number()) {
            return name + " writes, but the device is open read-only or write-protected";
        }
        if (errno == Errno.ENOMEDIUM.number()) {
            return "the drive is empty: load a cartridge (ENOMEDIUM)";
        }
        return name + " failed: " + Explanations.errno(errno, "");
    }

    /** Why an {@code R} failed with {@code errno}. */
    public static String readFailure(int errno) {
        return READ.getOrDefault(errno, "the read was refused");
    }

    /** Why a {@code W} failed with {@code errno}. */
    public static String writeFailure(int errno) {
        return WRITE.getOrDefault(errno, "the write was refused");
    }

    /** "file 2, block 0" with −1 shown as unknown. */
    public static String position(MtStatus status) {
        return "file " + number(status.fileno()) + ", block " + number(status.blkno());
    }

    private static String number(int n) {
        return n < 0 ? "unknown (-1)" : Integer.toString(n);
    }

    /** The set GMT_ bits of {@code gstat} by name, or "(none)". */
    public static String gstat(long gstat) {
        StringJoiner names = new StringJoiner(" ");
        for (int i = 0; i < GMT.length; i++) {
            if ((gstat & GMT[i]) == GMT[i]) {
                names.add(GMT_NAMES[i]);
            }
        }
        return names.length() == 0 ? "(none)" : names.toString();
    }
}
