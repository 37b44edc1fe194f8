package org.rmt411.server.access;

import java.net.InetAddress;

/**
 * Who asks to open a device, as far as the access rules can tell: the Unix login the server
 * runs as (the ssh or rsh login for a remote-shell start, the service user on TCP), the peer
 * the session names, the peer's network address when the session arrived on a socket, and the
 * subject of its TLS client certificate when it presented one. Each {@link Subject} kind reads
 * one of these; the rules themselves do not change when a kind is added.
 *
 * @param login the Unix user name of the server process
 * @param peer the session's peer, as the audit line names it ({@code stdin}, {@code 10.0.0.5:40112})
 * @param address the peer's IP address for a socket session, {@code null} for stdin/stdout (an
 *     ssh client's {@code SSH_CLIENT} is the user's environment, not a checked address)
 * @param tlsSubject the subject DN of the client certificate, {@code null} without one
 */
public record Identity(String login, String peer, InetAddress address, String tlsSubject) {
    /** A login with no network address and no certificate. */
    public Identity(String login, String peer) {
        this(login, peer, null, null);
    }

    /** The login this process runs as, for a session with {@code peer}. */
    public static Identity ofProcess(String peer) {
        return new Identity(processLogin(), peer);
    }

    /** The login this process runs as, for a session from {@code address} with {@code tlsSubject}. */
    public static Identity ofProcess(String peer, InetAddress address, String tlsSubject) {
        return new Identity(processLogin(), peer, address, tlsSubject);
    }

    /** How a log line names this identity: {@code login backup from 10.0.0.5:40112 (TLS CN=backup)}. */
    public String describe() {
        return "login " + login + " from " + peer + (tlsSubject == null ? "" : " (TLS " + tlsSubject + ")");
    }

    /**
     * The JDK reads {@code user.name} from the password database by the real uid, so it names
     * the ssh login even when the environment says otherwise; {@code $LOGNAME} and {@code $USER}
     * are only the fallback for a uid without a name ({@code ?}).
     */
    static String processLogin() {
        String name = System.getProperty("user.name", "?");
        if (!name.isEmpty() && !name.equals("?")) {
            return name;
        }
        String logname = System.getenv("LOGNAME");
        if (logname != null && !logname.isEmpty()) {
            return logname;
        }
        String user = System.getenv("USER");
        return user != null && !user.isEmpty() ? user : "?";
    }
}
