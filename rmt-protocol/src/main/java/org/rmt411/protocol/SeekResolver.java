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

    /** Which rule of the class comment decided the last seek, for traces that explain it. */
    public enum Rule {
        /** {@code --seek-order} fixed the order; the values were not looked at. */
        CONFIGURED,
        /** Rule 1: a symbolic whence marks its line. */
        SYMBOLIC,
        /** Rule 2: one value lies outside 0..2, so it can only be the offset. */
        RANGE,
        /** Rule 3: both in 0..2, exactly one non-zero: that one is the whence, offset 0. */
        ONE_NON_ZERO,
        /** Rule 4: the order this session showed earlier. */
        REMEMBERED,
        /** Rule 4 with nothing shown yet: offset first. */
        DEFAULT
    }

    private final SeekOrder policy;
    private SeekOrder shown;
    private Rule lastRule = Rule.DEFAULT;
    private SeekOrder lastOrder;

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
        lastRule = policy == SeekOrder.AUTO ? Rule.DEFAULT : Rule.CONFIGURED;
        lastOrder = policy == SeekOrder.AUTO ? null : policy;
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
            lastRule = Rule.SYMBOLIC;
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
            lastRule = Rule.RANGE;
            return learn(aWhence ? SeekOrder.WHENCE_FIRST : SeekOrder.OFFSET_FIRST, a, b);
        }
        if (!aWhence) {
            throw new RmtException(Errno.EINVAL, "Seek direction out of range");
        }
        if ((va == 0) != (vb == 0)) {
            lastRule = Rule.ONE_NON_ZERO;
            lastOrder = null;
            return new Resolved(0, (int) (va == 0 ? vb.longValue() : va.longValue()));
        }
        lastRule = shown != null ? Rule.REMEMBERED : Rule.DEFAULT;
        SeekOrder order = shown != null ? shown : SeekOrder.OFFSET_FIRST;
        lastOrder = order;
        return order == SeekOrder.WHENCE_FIRST ? make(a, b) : make(b, a);
    }

    /** The rule that decided the last {@link #resolve} (also when it threw). */
    public Rule lastRule() {
        return lastRule;
    }

    /** The order the last {@link #resolve} read the lines in; null when either reading gave the same. */
    public SeekOrder lastOrder() {
        return lastOrder;
    }

    private Resolved learn(SeekOrder order, String a, String b) throws RmtException {
        shown = order;
        lastOrder = order;
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
