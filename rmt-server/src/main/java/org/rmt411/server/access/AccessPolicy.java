package org.rmt411.server.access;

import java.util.ArrayList;
import java.util.List;
import org.rmt411.protocol.OpenFlags;

/**
 * The access rules in file order; the first rule that applies to an open decides it. With no
 * rules at all everything the login itself may open is allowed (Schily rmt without ACCESS
 * lines, GNU rmt always); once there are rules, an open no rule applies to is refused, as
 * Schily rmt refuses a path no ACCESS line names.
 *
 * <p>A plain {@code O_RDWR} open that the rules allow only for reading is not refused but
 * granted read-only ({@link Decision.ReadOnly}): clients that open read-write to read and
 * position (dump's {@code restore}, {@code rmt411} itself) still work, and the session cannot
 * write. An open that creates, truncates or appends is writing before any {@code W}, so it is
 * refused instead.
 *
 * @param source the file the rules came from, named when no rule applies
 */
public record AccessPolicy(List<AccessRule> rules, String source) {
    /** No rules: every open is left to the operating system, as GNU rmt does. */
    public static final AccessPolicy OPEN = new AccessPolicy(List.of(), null);

    public AccessPolicy {
        rules = List.copyOf(rules);
    }

    /**
     * The rules of {@code first} tried before those of {@code then}, as one list: the
     * {@code --policy} file before the configuration file's rules.
     */
    public static AccessPolicy combined(AccessPolicy first, AccessPolicy then) {
        if (then.rules.isEmpty()) {
            return first;
        }
        if (first.rules.isEmpty()) {
            return then;
        }
        List<AccessRule> rules = new ArrayList<>(first.rules);
        rules.addAll(then.rules);
        return new AccessPolicy(rules, first.source + " or " + then.source);
    }

    /** What the rules say about {@code who} opening every one of {@code names} with {@code flags}. */
    public Decision decide(Identity who, List<String> names, int flags) {
        Decision full = decide(who, names, AccessMode.of(flags));
        boolean plainReadWrite = OpenFlags.accessMode(flags) == OpenFlags.O_RDWR
                && (flags & (OpenFlags.O_CREAT | OpenFlags.O_TRUNC | OpenFlags.O_APPEND)) == 0;
        if (full instanceof Decision.Refused refused && plainReadWrite
                && decide(who, names, AccessMode.READ) instanceof Decision.Allowed) {
            return new Decision.ReadOnly(refused.name(), refused.why());
        }
        return full;
    }

    private Decision decide(Identity who, List<String> names, AccessMode wanted) {
        for (String name : names) {
            Decision decision = decide(who, name, wanted);
            if (decision instanceof Decision.Refused) {
                return decision;
            }
        }
        return new Decision.Allowed();
    }

    private Decision decide(Identity who, String name, AccessMode wanted) {
        if (rules.isEmpty()) {
            return new Decision.Allowed();
        }
        for (AccessRule rule : rules) {
            if (rule.applies(who, name, wanted)) {
                return rule.permits(wanted) ? new Decision.Allowed()
                        : new Decision.Refused(name, rule.origin() + " (" + rule.text() + ")");
            }
        }
        return new Decision.Refused(name, "no rule in " + source + " allows it");
    }

    /** The outcome of {@link #decide}. */
    public sealed interface Decision permits Decision.Allowed, Decision.ReadOnly, Decision.Refused {
        /** The open may go ahead. */
        record Allowed() implements Decision {
        }

        /**
         * An {@code O_RDWR} open goes ahead read-only: the device is opened {@code O_RDONLY} and
         * operations that write are refused with {@code E13}.
         *
         * @param name the name whose writing was not allowed
         * @param why the rule that withheld writing, as {@link Refused#why}
         */
        record ReadOnly(String name, String why) implements Decision {
        }

        /**
         * The open is refused ({@code E13}).
         *
         * @param name the name the refusing rule matched (the link target when that was refused)
         * @param why the rule that refused it, {@code FILE:LINE (rule)}, or that none allowed it
         */
        record Refused(String name, String why) implements Decision {
        }
    }
}
