package org.rmt411.client.cli;

/**
 * {@code HOST[:PORT]} with {@code [v6-address]:PORT} for IPv6.
 *
 * @param host host name or address, without brackets
 * @param port the port, or the default when none was given
 */
record HostPort(String host, int port) {
    static HostPort parse(String text, int defaultPort) {
        String host = text;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in " + text);
            }
            host = text.substring(1, close);
            if (text.length() > close + 1) {
                if (text.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("junk after ] in " + text);
                }
                port = text.substring(close + 2);
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host in " + text);
        }
        int p = defaultPort;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in " + text);
            }
        }
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("port out of range in " + text);
        }
        return new HostPort(host, p);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
