package org.rmt411.server.tape;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * Who holds a drive: written into the drive's state file while a session has it open, so an
 * operator command in another process can say whom it would overrule ("in use by PEER since
 * TIME") instead of a bare "busy". The lock, not this record, decides whether the drive is in
 * use: a server killed with SIGKILL leaves the record behind but takes its lock with it.
 *
 * @param peer how the session names the other end ({@code 127.0.0.1:40112}, {@code stdio})
 * @param pid the server process
 * @param since when the session opened the drive
 */
record DriveHolder(String peer, long pid, Instant since) {
    private static final String PEER = "heldBy";
    private static final String PID = "heldByPid";
    private static final String SINCE = "heldSince";

    /** The holder for a session of this process opening a drive now. */
    static DriveHolder now(String peer) {
        return new DriveHolder(peer, ProcessHandle.current().pid(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    void store(Properties p) {
        p.setProperty(PEER, peer);
        p.setProperty(PID, Long.toString(pid));
        p.setProperty(SINCE, since.toString());
    }

    /** The holder recorded in {@code p}, or null when none (or an unreadable one) is. */
    static DriveHolder load(Properties p) {
        String peer = p.getProperty(PEER);
        if (peer == null) {
            return null;
        }
        try {
            return new DriveHolder(peer, Long.parseLong(p.getProperty(PID, "-1").trim()),
                    Instant.parse(p.getProperty(SINCE, "").trim()));
        } catch (RuntimeException e) {
            return null; // the record only explains a refusal; a damaged one explains nothing
        }
    }

    /** True while the recorded process still runs (a stale record names a dead one). */
    boolean alive() {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** {@code PEER since TIME, pid N}: the parenthesis of the operator's refusal. */
    @Override
    public String toString() {
        return peer + " since " + since + ", pid " + pid;
    }
}
