package org.rmt411.server.access;

/**
 * Who asks to open a device, as far as the access rules can tell: the Unix login the server
 * runs as (the ssh or rsh login for a remote-shell start, the service user on TCP) and the peer
 * address the session names. A later subject kind (a TLS client certificate) adds a component
 * here and a {@link Subject} that reads it; the rules themselves do not change.
 *
 * @param login the Unix user name of the server process
 * @param peer the session's peer, as the audit line names it ({@code stdin}, {@code 10.0.0.5:40112})
 */
public record Identity(String login, String peer) {
    /** The login this process runs as, for a session with {@code peer}. */
    public static Identity ofProcess(String peer) {
        return new Identity(processLogin(), peer);
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
