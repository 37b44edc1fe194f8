package org.rmt411.client.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.rmt411.client.RemoteTape;
import org.rmt411.client.RemoteTarget;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.OpenFlags;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code mt}: GNU mt's operations over rmt, one session per command as GNU mt does (open, op,
 * close). Like GNU mt, the device is opened write-only for operations that write (weof, erase)
 * and read-only otherwise.
 */
@Command(name = "mt", mixinStandardHelpOptions = true, description = "Drive a remote tape like GNU mt.",
        footer = {"", "Operations: status, rewind, fsf, bsf, fsr, bsr, fsfm, bsfm, weof (eof), weofi, eom (seod),",
            "offline (rewoffl, eject), erase, retension, nop, seek, setblk, setdensity, lock, unlock, load,",
            "compression. COUNT defaults to 1."})
final class MtCommand implements Callable<Integer> {
    /** Name → Linux op; writing ops are marked by {@link #WRITING}. */
    static final Map<String, Integer> OPS = new LinkedHashMap<>();

    static {
        OPS.put("rewind", MtOp.MTREW);
        OPS.put("fsf", MtOp.MTFSF);
        OPS.put("bsf", MtOp.MTBSF);
        OPS.put("fsr", MtOp.MTFSR);
        OPS.put("bsr", MtOp.MTBSR);
        OPS.put("fsfm", MtOp.MTFSFM);
        OPS.put("bsfm", MtOp.MTBSFM);
        OPS.put("weof", MtOp.MTWEOF);
        OPS.put("eof", MtOp.MTWEOF);
        OPS.put("weofi", MtOp.MTWEOFI);
        OPS.put("eom", MtOp.MTEOM);
        OPS.put("seod", MtOp.MTEOM);
        OPS.put("offline", MtOp.MTOFFL);
        OPS.put("rewoffl", MtOp.MTOFFL);
        OPS.put("eject", MtOp.MTOFFL);
        OPS.put("erase", MtOp.MTERASE);
        OPS.put("retension", MtOp.MTRETEN);
        OPS.put("nop", MtOp.MTNOP);
        OPS.put("seek", MtOp.MTSEEK);
        OPS.put("setblk", MtOp.MTSETBLK);
        OPS.put("setdensity", MtOp.MTSETDENSITY);
        OPS.put("lock", MtOp.MTLOCK);
        OPS.put("unlock", MtOp.MTUNLOCK);
        OPS.put("load", MtOp.MTLOAD);
        OPS.put("compression", MtOp.MTCOMPRESSION);
    }

    private static final java.util.Set<String> WRITING = java.util.Set.of("weof", "eof", "weofi", "erase");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Parameters(index = "0", paramLabel = "OPERATION", description = "status, rewind, fsf, ... (see below).")
    String operation;

    @Parameters(index = "1", arity = "0..1", paramLabel = "COUNT", description = "Repeat count (default 1).")
    Integer count;

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        String op = operation.toLowerCase(Locale.ROOT);
        if (!op.equals("status") && !OPS.containsKey(op)) {
            throw new CommandLine.ParameterException(cli, "unknown mt operation: " + operation);
        }
        int n = count == null ? 1 : count;
        if (n < 0) {
            throw new CommandLine.ParameterException(cli, "negative count: " + n);
        }
        RemoteTarget remote = target.target(cli);
        int flags = WRITING.contains(op) ? OpenFlags.O_WRONLY : OpenFlags.O_RDONLY;
        try (RemoteTape tape = RemoteTape.open(target.connector(remote), remote.path(), flags, target.dialect(cli))) {
            if (op.equals("status")) {
                print(cli.getOut(), tape.status());
            } else {
                tape.ioctl(OPS.get(op), n);
            }
        }
        return ExitCode.OK.code();
    }

    /** File and block number, block size, density and the status flags in words. */
    static void print(PrintWriter out, MtStatus status) {
        out.println("drive type: " + status.type() + (status.type() == MtStatus.MT_ISSCSI2 ? " (SCSI-2 tape)" : ""));
        out.println("file number: " + status.fileno());
        out.println("block number: " + status.blkno());
        out.println("block size: " + status.blockSize() + (status.blockSize() == 0 ? " (variable)" : ""));
        out.println(String.format("density code: 0x%02x", status.density()));
        out.println("partition: " + status.resid());
        out.println("status: " + flags(status));
        out.flush();
    }

    static String flags(MtStatus status) {
        StringJoiner words = new StringJoiner(" ");
        long[] masks = {MtStatus.GMT_BOT, MtStatus.GMT_EOF, MtStatus.GMT_EOD, MtStatus.GMT_EOT, MtStatus.GMT_SM,
            MtStatus.GMT_WR_PROT, MtStatus.GMT_ONLINE, MtStatus.GMT_DR_OPEN, MtStatus.GMT_IM_REP_EN};
        String[] names = {"BOT", "EOF", "EOD", "EOT", "SM", "WR_PROT", "ONLINE", "DR_OPEN", "IM_REP_EN"};
        for (int i = 0; i < masks.length; i++) {
            if (status.has(masks[i])) {
                words.add(names[i]);
            }
        }
        return words.length() == 0 ? "(none)" : words.toString();
    }
}
