package org.rmt411.server.session;

import java.util.Map;

/**
 * Who is at the other end of a session, for logs, traces and the audit line.
 *
 * @param transport how the session arrived: {@code tcp}, {@code inetd}, {@code systemd},
 *     {@code stdio}, or a test's own name
 * @param address the peer's address and port, or what stands for it ({@code stdin})
 * @param tlsSubject the subject of the certificate a TLS client presented (RFC 2253 form, as
 *     {@code CN=backup,O=Example}), or {@code null} when it showed none or the session is not TLS
 */
public record Peer(String transport, String address, String tlsSubject) {
    /** A peer without a TLS identity. */
    public Peer(String transport, String address) {
        this(transport, address, null);
    }

    /**
     * The peer of a session on stdin/stdout: sshd names the client in {@code SSH_CLIENT}
     * ("address port localport"); rsh and a local pipe leave only {@code stdin}.
     */
    public static Peer ofStdio(Map<String, String> environment) {
        String ssh = environment.getOrDefault("SSH_CLIENT", "").trim();
        String[] parts = ssh.split(" ");
        return new Peer("stdio", parts.length >= 2 ? parts[0] + ":" + parts[1] : "stdin");
    }

    @Override
    public String toString() {
        return address;
    }
}
