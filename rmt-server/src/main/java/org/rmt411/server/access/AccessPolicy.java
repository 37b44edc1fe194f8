package org.rmt411.server.access;

import java.util.List;

/**
 * The access rules in file order; the first rule that applies to an open decides it. With no
 * rules at all everything the login itself may open is allowed (Schily rmt without ACCESS
 * lines, GNU rmt always); once there are rules, an open no rule applies to is refused, as
 * Schily rmt refuses a path no ACCESS line names.
 *
 * @param source the file the rules came from, named when no rule applies
 */
public record AccessPolicy(List<AccessRule> rules, String source) {
    /** No rules: every open is left to the operating system, as GNU rmt does. */
    public static final AccessPolicy OPEN = new AccessPolicy(List.of(), null);

    public AccessPolicy {
        rules = List.copyOf(rules);
    }

    /** What the rules say about {@code who} opening every one of {@code names} with {@code flags}. */
    public Decision decide(Identity who, List<String> names, int flags) {
        AccessMode wanted = AccessMode.of(flags);
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
    public sealed interface Decision permits Decision.Allowed, Decision.Refused {
        /** The open may go ahead. */
        record Allowed() implements Decision {
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
