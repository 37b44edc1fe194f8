package org.rmt411.server.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.rmt411.server.access.Identity;

/** Who a session's peer is, for the access rules: the process's login, the socket's address, the TLS subject. */
final class PeerIdentity {
    private PeerIdentity() {
    }

    /**
     * The identity of {@code peer}. A stdin/stdout session has no address the rules may trust:
     * its {@code SSH_CLIENT} comes from the user's own environment.
     */
    static Identity of(Peer peer) {
        InetAddress address = peer.transport().equals("stdio") ? null : address(peer.address());
        return Identity.ofProcess(peer.address(), address, peer.tlsSubject());
    }

    /**
     * The IP literal of {@code host:port} as the TCP listener names peers (an IPv6 literal has
     * colons of its own), or of {@code name/address:port} as {@code InetSocketAddress} prints
     * them for inherited sockets (inetd, systemd; IPv6 in brackets); {@code null} for neither.
     */
    static InetAddress address(String peer) {
        String hostPort = peer.substring(peer.indexOf('/') + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        // Only literals: a name here would make the rules depend on DNS.
        if (!host.matches("[0-9.]+|[0-9a-fA-F:.%]*:[0-9a-fA-F:.%]*")) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
