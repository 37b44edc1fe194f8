package org.rmt411.server.capture;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The two ends of a captured TCP conversation, as raw addresses of one family: both 4 bytes
 * (IPv4) or both 16 (IPv6; an IPv4 end of a mixed pair is written IPv4-mapped, ::ffff:a.b.c.d,
 * as a dual-stack socket sees it).
 */
record Endpoints(byte[] client, int clientPort, byte[] server, int serverPort) {
    /** The first port of the dynamic range (RFC 6335), where the synthetic client ports start. */
    private static final int DYNAMIC_PORTS = 49152;

    /** The ends of a real connection: the peer is the client, the local end the server. */
    static Endpoints of(InetSocketAddress remote, InetSocketAddress local) {
        byte[] c = remote.getAddress().getAddress();
        byte[] s = local.getAddress().getAddress();
        if (c.length != s.length) {
            c = mapped(c);
            s = mapped(s);
        }
        return new Endpoints(c, remote.getPort(), s, local.getPort());
    }

    /**
     * A session on stdin/stdout has no addresses of its own: it becomes 127.0.0.2:PORT to
     * 127.0.0.1:411. The client port comes from the server's process id and the session's number
     * in that process, so the sessions that several {@code --stdio} processes append to one file
     * (and several sessions of one process) are told apart.
     */
    static Endpoints stdio(long pid, int session) {
        int port = DYNAMIC_PORTS + (int) Math.floorMod(pid * 64 + session, 16384L);
        return new Endpoints(new byte[] {127, 0, 0, 2}, port, new byte[] {127, 0, 0, 1}, 411);
    }

    /** {@code 127.0.0.2:50001 > 127.0.0.1:411}, for messages. */
    @Override
    public String toString() {
        return text(client, clientPort) + " > " + text(server, serverPort);
    }

    private static String text(byte[] address, int port) {
        try {
            InetAddress a = InetAddress.getByAddress(address);
            return (a instanceof Inet4Address ? a.getHostAddress() : "[" + a.getHostAddress() + "]") + ":" + port;
        } catch (UnknownHostException e) {
            return "?:" + port; // only for lengths other than 4 and 16, which never occur
        }
    }

    private static byte[] mapped(byte[] address) {
        if (address.length == 16) {
            return address;
        }
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(address, 0, v6, 12, 4);
        return v6;
    }
}
