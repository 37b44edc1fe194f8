package org.rmt411.server.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --allow} list: IPv4 and IPv6 networks in CIDR notation. IPv4-mapped IPv6 peers
 * ({@code ::ffff:127.0.0.1}, what a dual-stack socket reports) match their IPv4 networks.
 */
public final class CidrSet {
    /** Loopback only, the default: rmt has no authentication of its own. */
    public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

    private final List<byte[]> networks = new ArrayList<>();
    private final List<Integer> prefixes = new ArrayList<>();
    private final List<String> texts;

    /**
     * Parses {@code cidrs}; a bare address means a single host.
     *
     * @throws IllegalArgumentException for a malformed entry
     */
    public CidrSet(List<String> cidrs) {
        this.texts = List.copyOf(cidrs);
        for (String cidr : cidrs) {
            int slash = cidr.indexOf('/');
            String host = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] address = literal(host);
            int prefix = slash < 0 ? address.length * 8 : parsePrefix(cidr.substring(slash + 1), address.length * 8);
            networks.add(address);
            prefixes.add(prefix);
        }
    }

    /** True when {@code peer} lies in one of the networks. */
    public boolean contains(InetAddress peer) {
        byte[] address = unmap(peer.getAddress());
        for (int i = 0; i < networks.size(); i++) {
            byte[] network = networks.get(i);
            if (network.length == address.length && matches(network, address, prefixes.get(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(",", texts);
    }

    private static boolean matches(byte[] network, byte[] address, int prefix) {
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((network[bit / 8] & mask) != (address[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] unmap(byte[] address) {
        if (address.length == 16) {
            boolean mapped = address[10] == (byte) 0xff && address[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = address[i] == 0;
            }
            if (mapped) {
                return new byte[] {address[12], address[13], address[14], address[15]};
            }
        }
        return address;
    }

    private static byte[] literal(String host) {
        // Only literals: a host name here would make the allowlist depend on DNS.
        if (!host.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("not an IP address: " + host);
        }
        try {
            return unmap(InetAddress.getByName(host).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + host, e);
        }
    }

    private static int parsePrefix(String text, int max) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("prefix length out of range: /" + text);
            }
            return prefix;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length: /" + text, e);
        }
    }
}
