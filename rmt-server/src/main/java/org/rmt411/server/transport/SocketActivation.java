package org.rmt411.server.transport;

import java.util.Map;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * systemd's socket activation protocol, as {@code sd_listen_fds(3)} reads it: when
 * {@code LISTEN_PID} is this process, {@code LISTEN_FDS} sockets start at fd 3.
 * {@code sd_listen_fds(1)} also unsets the variables so children do not take the sockets for
 * theirs; Java cannot change its environment, but the server starts no processes, so nothing
 * can inherit them.
 */
public final class SocketActivation {
    /** The first passed descriptor ({@code SD_LISTEN_FDS_START}). */
    public static final int FIRST_FD = 3;

    private static final Logger LOG = Logger.getLogger(SocketActivation.class.getName());

    private SocketActivation() {
    }

    /** How many sockets systemd passed to this process, if it passed any. */
    public static OptionalInt passedSockets(Map<String, String> env, long pid) {
        String listenPid = env.get("LISTEN_PID");
        String listenFds = env.get("LISTEN_FDS");
        if (listenPid == null || listenFds == null) {
            return OptionalInt.empty();
        }
        try {
            if (Long.parseLong(listenPid.trim()) != pid) {
                LOG.warning("LISTEN_FDS is meant for process " + listenPid + ", not this one (" + pid
                        + "): ignored. A wrapper script must exec the server, not fork it.");
                return OptionalInt.empty();
            }
            int count = Integer.parseInt(listenFds.trim());
            return count > 0 ? OptionalInt.of(count) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            LOG.warning("LISTEN_PID=" + listenPid + " LISTEN_FDS=" + listenFds + ": not numbers, ignored");
            return OptionalInt.empty();
        }
    }
}
