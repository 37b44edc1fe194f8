package org.rmt411.client.console;

import java.util.ArrayList;
import java.util.List;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.RmtReply;
import org.rmt411.protocol.explain.Explanations;
import org.rmt411.protocol.explain.TapeRules;

/**
 * The "what happened and why" line after each friendly command, from the words in
 * rmt-protocol's explain package (the same the traces use).
 */
final class Outcome {
    private Outcome() {
    }

    /** The explanation lines for {@code step} answered by {@code got}. */
    static List<String> of(Step step, Received got) {
        List<String> lines = new ArrayList<>();
        if (!got.ok()) {
            RmtReply.Failure failure = (RmtReply.Failure) got.reply();
            String why = failed(step, failure.errno());
            lines.add(Explanations.errno(failure.errno(), failure.text()) + ": " + why
                    + (failure.fatal() ? " (F: the server says the session cannot go on)" : ""));
            return lines;
        }
        long value = got.value();
        switch (step.kind()) {
            case OPEN -> lines.add("opened " + step.subject() + " ("
                    + Explanations.flags(new String(step.request()).split("\n")[1]) + ")");
            case CLOSE -> lines.add("closed; a tape drive writes a filemark first if the last thing done was a write"
                    + " (GNU rmt now exits, rmt411 and dump's rmt wait for the next open)");
            case WRITE -> lines.add(value == step.payload().length ? "wrote one record of " + value + " bytes"
                    : "the server took " + value + " of " + step.payload().length + " bytes");
            case READ -> lines.add(value == 0
                    ? "read 0 bytes: a filemark (st moves past it) or the end of the data"
                    : "read one record of " + value + " bytes");
            case IOCTL -> lines.add(TapeRules.opName(step.op()) + " done: " + TapeRules.does(step.op())
                    + " (the reply is the count, as BSD, dump and star servers answer; GNU rmt says 0)");
            case SEEK -> lines.add("the offset is now " + value + " (sent " + step.subject() + ")");
            case VERSION -> lines.add("protocol version " + value
                    + (value == 2 ? " (FreeBSD's and dump's V)" : ""));
            case STATUS -> lines.addAll(status(got.payload()));
            default -> throw new IllegalStateException(step.kind().toString());
        }
        return lines;
    }

    private static String failed(Step step, int errno) {
        return switch (step.kind()) {
            case IOCTL -> TapeRules.failure(step.op(), errno);
            case READ -> TapeRules.readFailure(errno);
            case WRITE -> TapeRules.writeFailure(errno);
            case OPEN -> "the server could not open " + step.subject();
            case STATUS -> errno == 25 ? "status needs a tape drive; this is a plain file (ENOTTY)" : "no status";
            case SEEK -> errno == 22 ? Explanations.seekRefused() + " (see --seek-order)" : "the seek was refused";
            case VERSION -> "this server does not know V (GNU rmt calls it a garbage command and exits)";
            default -> errno == 9 ? "nothing is open: open a device first (EBADF)" : "the request was refused";
        };
    }

    /** {@code struct mtget} field by field, as Linux x86_64 lays it out. */
    static List<String> status(byte[] raw) {
        List<String> lines = new ArrayList<>();
        if (raw.length != MtStatus.LINUX_X86_64_SIZE) {
            lines.add(raw.length + " bytes of status: not the 48-byte struct mtget of Linux x86_64, not decoded");
            return lines;
        }
        MtStatus s = MtStatus.fromLinuxBytes(raw);
        lines.add("struct mtget, 48 bytes little-endian (Linux x86_64): " + TapeRules.position(s));
        lines.add(String.format("  mt_type   0x%x%s", s.type(), s.type() == MtStatus.MT_ISSCSI2 ? " (MT_ISSCSI2, SCSI-2 tape)" : ""));
        lines.add("  mt_resid  " + s.resid() + " (st: the partition)");
        lines.add(String.format("  mt_dsreg  0x%x (block size %d%s, density code 0x%02x)", s.dsreg(), s.blockSize(),
                s.blockSize() == 0 ? " = variable" : "", s.density()));
        lines.add(String.format("  mt_gstat  0x%x %s", s.gstat(), TapeRules.gstat(s.gstat())));
        lines.add("  mt_erreg  " + s.erreg() + " (recovered errors)");
        lines.add("  mt_fileno " + s.fileno());
        lines.add("  mt_blkno  " + s.blkno());
        return lines;
    }
}
