package org.rmt411.client;

import java.io.IOException;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.RmtProtocolException;
import org.rmt411.protocol.RmtRequestEncoder;

/**
 * The dialect-dependent part of a {@link RemoteTape}: the RMT V1 handshake, ioctl numbering after
 * it, and the three ways of asking for the drive status.
 */
final class StatusReader {
    private final RemoteTape tape;
    /** null until {@code I-1} was tried; then whether the server speaks RMT V1. */
    private Boolean v1;

    StatusReader(RemoteTape tape) {
        this.tape = tape;
    }

    /** Whether the server answered the RMT V1 handshake (null if it was never sent). */
    Boolean rmtV1() {
        return v1;
    }

    /** Encodes MTIOCTOP {@code op}, translated to the V1 numbering once the server is V1. */
    void encodeIoctl(RmtRequestEncoder encoder, int op, int count) throws IOException {
        if (!Boolean.TRUE.equals(v1)) {
            encoder.ioctl(op, count);
            return;
        }
        int portable = MtOp.toPortable(op);
        int extended = extendedNumber(op);
        if (portable >= 0) {
            encoder.ioctl(portable, count);
        } else if (extended >= 0) {
            encoder.extendedIoctl(extended, count);
        } else {
            throw new RemoteTapeException("ioctl op " + op, Errno.EINVAL.number(),
                    "no RMT V1 number for this operation on a V1 session");
        }
    }

    MtStatus status(RmtDialect.StatusRequest request) throws IOException {
        switch (request) {
            case AUTO:
                return handshake() ? fields() : struct(true);
            case FIELDS:
                if (!handshake()) {
                    throw new RemoteTapeException("status", Errno.ENOSYS.number(),
                            "server does not speak RMT V1 (no s fields)");
                }
                return fields();
            case STRUCT_LINE:
                return struct(true);
            case STRUCT_BARE:
                return struct(false);
            default:
                throw new IllegalStateException(request.toString());
        }
    }

    /**
     * Sends {@code I-1⏎0⏎} once. dump's rmt, star and rmt411 answer {@code A1}; GNU rmt passes
     * -1 to the ioctl and answers with its error, which only means "not V1".
     */
    private boolean handshake() throws IOException {
        if (v1 == null) {
            tape.encoder().versionHandshake();
            tape.send();
            try {
                v1 = tape.reply("RMT V1 handshake", 0) >= 1;
            } catch (RemoteTapeException e) {
                v1 = false;
            }
        }
        return v1;
    }

    /** E first: MTIOCGET clears the error register (star's order: E, T, D, R, F, B, f). */
    private MtStatus fields() throws IOException {
        long erreg = field('E');
        long type = field('T');
        long dsreg = field('D');
        long resid = field('R');
        long fileno = field('F');
        long blkno = field('B');
        long gstat;
        try {
            gstat = field('f'); // dump's rmt and rmt411 give mt_gstat; star says EINVAL on Linux
        } catch (RemoteTapeException e) {
            gstat = 0;
        }
        return new MtStatus(type, resid, dsreg, gstat, erreg, clampInt(fileno), clampInt(blkno));
    }

    private long field(char c) throws IOException {
        tape.encoder().statusField(c);
        tape.send();
        return tape.reply("status field " + c, 0);
    }

    /** {@code S}: the raw struct; only the 48-byte Linux x86_64 layout is decoded. */
    private MtStatus struct(boolean newline) throws IOException {
        tape.encoder().status(newline);
        tape.send();
        long n = tape.reply("status", RemoteTape.MAX_STATUS_BYTES);
        if (n < 0 || n > RemoteTape.MAX_STATUS_BYTES) {
            throw tape.broken(new RmtProtocolException("server announced a status of " + n + " bytes"));
        }
        byte[] raw = new byte[(int) n];
        try {
            tape.decoder().readPayload(raw, 0, raw.length);
        } catch (IOException e) {
            throw tape.broken(e);
        }
        if (raw.length != MtStatus.LINUX_X86_64_SIZE) {
            throw new RemoteTapeException("status", Errno.EOVERFLOW.number(), "struct mtget of " + n
                    + " bytes is not the Linux x86_64 layout (48 bytes)");
        }
        return MtStatus.fromLinuxBytes(raw);
    }

    private static int extendedNumber(int linuxOp) {
        switch (linuxOp) {
            case MtOp.MTRETEN:
                return 2;
            case MtOp.MTERASE:
                return 3;
            case MtOp.MTEOM:
                return 4;
            default:
                return -1;
        }
    }

    private static int clampInt(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
