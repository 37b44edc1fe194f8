package org.rmt411.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.rmt411.protocol.RmtReply;
import org.rmt411.protocol.RmtReplyDecoder;

/**
 * Says what listens on a TCP port. A Direct Connect hub (the other famous tenant of port 411)
 * greets unasked with {@code $Lock …|}; an rmt server stays silent and answers {@code C⏎} sent
 * before any open with {@code E9} (every server family does; nothing is opened or changed).
 * Before asking, a silent server is sent a TLS ClientHello, which tells a TLS port from a plain one.
 */
public final class Probe {
    private static final int MAX_GREETING = 512;

    private Probe() {
    }

    /** What answered. */
    public enum Kind {
        /** An rmt server. */
        RMT,
        /** A Direct Connect hub. */
        DC_HUB,
        /** Something that is neither. */
        OTHER,
        /** A TLS server that did not let the probe ask what runs inside. */
        TLS,
        /** No connection could be made. */
        NOTHING
    }

    /** The verdict and a human explanation. */
    public record Result(Kind kind, String detail) {
    }

    /**
     * @param greetingWait how long to wait for an unasked greeting before sending the request
     * @param timeout connect timeout and how long to wait for the reply
     */
    public static Result probe(String host, int port, Duration greetingWait, Duration timeout) {
        return probe(host, port, greetingWait, timeout, null);
    }

    /**
     * Probes as {@link #probe(String, int, Duration, Duration)} and says whether the port speaks
     * TLS: a silent server gets a TLS ClientHello first; a TLS server's certificate (subject,
     * issuer, expiry) is shown and the rmt question asked inside TLS. With {@code tls} the
     * certificate is checked as the client would check it; without, it is only shown.
     */
    public static Result probe(String host, int port, Duration greetingWait, Duration timeout, TlsSettings tls) {
        Socket socket;
        try {
            socket = Bridge.connect(host, port, timeout);
        } catch (IOException e) {
            return new Result(Kind.NOTHING, "no connection: " + e.getMessage());
        }
        try (socket) {
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(Math.toIntExact(Math.max(1, greetingWait.toMillis())));
            byte[] greeting = new byte[MAX_GREETING];
            int n;
            try {
                n = in.read(greeting);
            } catch (SocketTimeoutException e) {
                return askTls(socket, host, port, timeout, tls);
            }
            if (n < 0) {
                return new Result(Kind.OTHER, "the server closed the connection without a word");
            }
            String text = printable(greeting, n);
            if (text.startsWith("$Lock ")) {
                return new Result(Kind.DC_HUB, "a Direct Connect hub (greeted with " + text + ")");
            }
            return new Result(Kind.OTHER, "something else (greeted with " + text + ")");
        } catch (IOException e) {
            return new Result(Kind.OTHER, "something else (" + e.getMessage() + ")");
        }
    }

    private static Result askTls(Socket socket, String host, int port, Duration timeout, TlsSettings tls)
            throws IOException {
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        TlsProbe.Finding found = TlsProbe.hello(socket, host, port, tls);
        if (found == null) {
            if (tls != null) {
                return new Result(Kind.OTHER, "no TLS server (it did not answer a TLS ClientHello in TLS); try without --tls");
            }
            try (Socket plain = Bridge.connect(host, port, timeout)) {
                Result result = askRmt(plain, timeout, null);
                return new Result(result.kind(), result.detail() + "; plaintext, no TLS");
            }
        }
        if (found.socket() == null) {
            return new Result(Kind.TLS, "a TLS server (" + found.description() + "); the handshake failed: "
                    + found.failure());
        }
        try (Socket secure = found.socket()) {
            String checked = tls != null ? "" : "; not verified, use --tls --cacert FILE to check it";
            return askRmt(secure, timeout, found.description() + checked);
        }
    }

    /** Sends {@code C} before any open; {@code tls} describes the TLS session it runs in, or is null. */
    private static Result askRmt(Socket socket, Duration timeout, String tls) throws IOException {
        String how = tls == null ? "" : " over TLS (" + tls + ")";
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        try {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {'C', '\n'});
            out.flush();
            RmtReply reply = new RmtReplyDecoder(new BoundedInput(socket.getInputStream(), 4096)).next();
            String said = reply instanceof RmtReply.Failure
                    ? "E" + ((RmtReply.Failure) reply).errno() + " " + ((RmtReply.Failure) reply).text()
                    : "A" + ((RmtReply.Ack) reply).value();
            return new Result(Kind.RMT, "an rmt server" + how + " (answered C before open with " + said + ")");
        } catch (SocketTimeoutException e) {
            return new Result(Kind.OTHER, "something else" + how + " (silent, no reply to an rmt request)");
        } catch (IOException e) {
            if (tls != null) {
                // TLS 1.3 refuses a missing client certificate after the client's handshake has
                // ended: the first write or read fails, with an alert or a closed connection.
                return new Result(Kind.TLS, "a TLS server (" + tls + ") that refused the probe: " + e.getMessage()
                        + "; it may require a client certificate (--cert and --key)");
            }
            return new Result(Kind.OTHER, "something else (not an rmt reply: " + e.getMessage() + ")");
        }
    }

    private static String printable(byte[] data, int n) {
        String s = new String(data, 0, Math.min(n, 80), StandardCharsets.ISO_8859_1);
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }

    /** Reads at most {@code limit} bytes, then reports end of input. */
    private static final class BoundedInput extends java.io.FilterInputStream {
        private int left;

        BoundedInput(InputStream in, int limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            left--;
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, Math.min(len, left));
            left -= Math.max(0, n);
            return n;
        }
    }
}
