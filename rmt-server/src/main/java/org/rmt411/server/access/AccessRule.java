package org.rmt411.server.access;

/**
 * One {@code allow} or {@code deny} line: whom it is about, which access, which device names,
 * and where it was written (for the log line of a refusal).
 *
 * @param allow true for {@code allow}, false for {@code deny}
 * @param origin {@code FILE:LINE}
 */
public record AccessRule(boolean allow, Subject subject, AccessMode mode, DeviceGlob glob, String origin) {
    /**
     * Whether this rule decides an open of {@code name} in {@code wanted} mode by {@code who}:
     * an allow rule decides every open of a matching name by its subject (granting up to its
     * mode, refusing more), a deny rule only the opens whose mode it forbids (others go on to
     * the next rule).
     */
    boolean applies(Identity who, String name, AccessMode wanted) {
        return subject.matches(who) && glob.matches(name) && (allow || mode.overlaps(wanted));
    }

    /** The verdict once the rule applies. */
    boolean permits(AccessMode wanted) {
        return allow && mode.covers(wanted);
    }

    /** The rule as written, for logs: {@code allow backup rw /backups/**}. */
    public String text() {
        return (allow ? "allow " : "deny ") + subject.text() + " " + mode.word() + " " + glob.text();
    }
}
