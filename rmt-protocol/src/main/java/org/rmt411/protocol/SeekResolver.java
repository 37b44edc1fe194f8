package org.rmt411.protocol;

import java.util.Locale;

/**
 * Decides which line of an {@code L} request is the offset and which the whence.
 *
 * <p>The two orders cannot be told apart in general ({@code L0⏎1⏎} is valid both ways), so in
 * {@link SeekOrder#AUTO} the resolver applies, in turn:
 * <ol>
 *   <li>a symbolic whence ({@code SET}, {@code SEEK_CUR}, ...) marks its line: only GNU clients
 *       send those;
 *   <li>a value outside 0..2 can only be the offset;
 *   <li>both in 0..2 and exactly one non-zero: that one is the whence and the offset is 0 — the
 *       common ambiguous requests are "tell" ({@code SEEK_CUR 0}) and "seek to end";
 *   <li>otherwise the order this session has already shown by rules 1–2, else offset-first,
 *       the order of every client but GNU tar ≥1.35.
 * </ol>
 * One instance lives per session because rule 4 remembers.
 */
public final class SeekResolver {
    /** A decoded seek. */
    public record Resolved(long offset, int whence) {
    }

    private final SeekOrder policy;
    private SeekOrder shown;

    /** A resolver applying {@code policy}. */
    public SeekResolver(SeekOrder policy) {
        this.policy = policy;
    }

    /**
     * Resolves one request.
     *
     * @throws RmtException EINVAL with GNU's texts when no reading makes sense
     */
    public Resolved resolve(RmtRequest.Seek seek) throws RmtException {
        String a = seek.first();
        String b = seek.second();
        switch (policy) {
            case OFFSET_FIRST:
                return make(b, a);
            case WHENCE_FIRST:
                return make(a, b);
            default:
                return auto(a, b);
        }
    }

    private Resolved auto(String a, String b) throws RmtException {
        boolean aSymbolic = symbolicWhence(a) >= 0;
        boolean bSymbolic = symbolicWhence(b) >= 0;
        if (aSymbolic != bSymbolic) {
            return learn(aSymbolic ? SeekOrder.WHENCE_FIRST : SeekOrder.OFFSET_FIRST, a, b);
        }
        Long va = number(a);
        Long vb = number(b);
        if (va == null) {
            // Named as GNU rmt names them: it reads the whence first, then the offset.
            throw new RmtException(Errno.EINVAL, "Invalid seek direction");
        }
        if (vb == null) {
            throw new RmtException(Errno.EINVAL, "Invalid seek offset");
        }
        boolean aWhence = va >= 0 && va <= 2;
        boolean bWhence = vb >= 0 && vb <= 2;
        if (aWhence != bWhence) {
            return learn(aWhence ? SeekOrder.WHENCE_FIRST : SeekOrder.OFFSET_FIRST, a, b);
        }
        if (!aWhence) {
            throw new RmtException(Errno.EINVAL, "Seek direction out of range");
        }
        if ((va == 0) != (vb == 0)) {
            return new Resolved(0, (int) (va == 0 ? vb.longValue() : va.longValue()));
        }
        SeekOrder order = shown != null ? shown : SeekOrder.OFFSET_FIRST;
        return order == SeekOrder.WHENCE_FIRST ? make(a, b) : make(b, a);
    }

    private Resolved learn(SeekOrder order, String a, String b) throws RmtException {
        shown = order;
        return order == SeekOrder.WHENCE_FIRST ? make(a, b) : make(b, a);
    }

    private static Resolved make(String whenceText, String offsetText) throws RmtException {
        int whence = symbolicWhence(whenceText);
        if (whence < 0) {
            Long w = number(whenceText);
            if (w == null) {
                throw new RmtException(Errno.EINVAL, "Invalid seek direction");
            }
            if (w < 0 || w > 2) {
                throw new RmtException(Errno.EINVAL, "Seek direction out of range");
            }
            whence = w.intValue();
        }
        Long offset = number(offsetText);
        if (offset == null) {
            throw new RmtException(Errno.EINVAL, "Invalid seek offset");
        }
        return new Resolved(offset, whence);
    }

    /** 0/1/2 for SET/CUR/END with an optional {@code SEEK_} prefix (GNU tar ≥1.35), else -1. */
    static int symbolicWhence(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.startsWith("SEEK_")) {
            t = t.substring(5);
        }
        switch (t) {
            case "SET":
                return 0;
            case "CUR":
                return 1;
            case "END":
                return 2;
            default:
                return -1;
        }
    }

    private static Long number(String text) {
        try {
            return WireNumbers.parse(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
