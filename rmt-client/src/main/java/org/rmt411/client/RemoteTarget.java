package org.rmt411.client;

/**
 * A remote archive name in tar's syntax {@code [user@]host:path}: remote when a colon occurs that
 * is not the first character and no {@code /} precedes it (GNU rtapelib {@code _remdev}).
 *
 * @param user the remote user, or null
 * @param host host name or address
 * @param path device or file name on the server
 */
public record RemoteTarget(String user, String host, String path) {
    /** Validates the parts. */
    public RemoteTarget {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("empty remote path");
        }
        if (user != null && user.isEmpty()) {
            user = null; // tar treats an empty user as none
        }
    }

    /** True when {@code name} is remote in tar's sense. */
    public static boolean isRemote(String name) {
        int colon = name.indexOf(':');
        return colon > 0 && name.lastIndexOf('/', colon) < 0;
    }

    /**
     * Parses {@code [user@]host:path}.
     *
     * @throws IllegalArgumentException if the name is not remote
     */
    public static RemoteTarget parse(String name) {
        if (!isRemote(name)) {
            throw new IllegalArgumentException("not a remote name (want [user@]host:path): " + name);
        }
        int colon = name.indexOf(':');
        String userHost = name.substring(0, colon);
        int at = userHost.indexOf('@');
        String user = at >= 0 ? userHost.substring(0, at) : null;
        return new RemoteTarget(user, userHost.substring(at + 1), name.substring(colon + 1));
    }

    @Override
    public String toString() {
        return (user == null ? "" : user + "@") + host + ":" + path;
    }
}
