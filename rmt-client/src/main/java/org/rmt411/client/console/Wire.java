package org.rmt411.client.console;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.rmt411.client.transport.RmtTransport;
import org.rmt411.protocol.RmtReply;

/**
 * The console's connection: bytes out exactly as given, replies in exactly as they come, each
 * kept whole so that they can be shown. It connects when first needed and again after the
 * server has gone (GNU rmt exits after {@code C}), saying so each time.
 */
final class Wire implements AutoCloseable {
    private static final int MAX_LINE = 4096;

    private final RmtTransport.Factory factory;
    private final PrintWriter out;
    private RmtTransport transport;

    Wire(RmtTransport.Factory factory, PrintWriter out) {
        this.factory = factory;
        this.out = out;
    }

    /** Sends {@code request} then {@code payload}, connecting first if there is no connection. */
    void send(byte[] request, byte[] payload) throws IOException {
        if (transport == null) {
            connect();
        }
        write(request, payload);
    }

    /**
     * Sends a request and reads its reply. When a connection kept from an earlier command turns
     * out to be gone (GNU rmt exits after {@code C} and after a garbage command), the write
     * fails or the reply ends before its first byte, depending on how fast the server exited;
     * either way the console says so, connects anew and sends the request again, as tar would
     * open a new session.
     */
    Received exchange(byte[] request, byte[] payload, boolean payloadFollows) throws IOException {
        if (transport != null) {
            if (writes(request, payload)) {
                try {
                    return receive(payloadFollows);
                } catch (Gone e) {
                    // Fall through to a new session.
                }
            }
            out.println("(the server has gone: GNU rmt exits after C and after a garbage command)");
            drop();
        }
        send(request, payload);
        return receive(payloadFollows);
    }

    /** Writes to a kept connection; false when it is gone. */
    private boolean writes(byte[] request, byte[] payload) {
        try {
            write(request, payload);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void connect() throws IOException {
        transport = factory.connect();
        out.println("(connected: " + transport.describe() + ")");
    }

    private void write(byte[] request, byte[] payload) throws IOException {
        transport.output().write(request);
        transport.output().write(payload);
        transport.output().flush();
    }

    /**
     * Reads one reply; {@code payloadFollows} when an {@code A} reply carries that many data bytes
     * (R and S).
     *
     * @throws EOFException when the server closed the connection before or inside the reply
     */
    Received receive(boolean payloadFollows) throws IOException {
        transport.replyStarts();
        InputStream in = transport.input();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String first = line(in, raw);
        char kind = first.isEmpty() ? '?' : first.charAt(0);
        RmtReply reply;
        try {
            if (kind == 'A') {
                reply = new RmtReply.Ack(Long.parseLong(first.substring(1).strip()));
            } else if (kind == 'E' || kind == 'F') {
                reply = new RmtReply.Failure(Integer.parseInt(first.substring(1).strip()), line(in, raw), kind == 'F');
            } else {
                throw new IOException("not an rmt reply: " + Escapes.show(raw.toByteArray(), 0, raw.size()));
            }
        } catch (NumberFormatException e) {
            throw new IOException("not a number in the reply: " + Escapes.show(raw.toByteArray(), 0, raw.size()));
        }
        byte[] payload = new byte[0];
        if (payloadFollows && reply instanceof RmtReply.Ack && ((RmtReply.Ack) reply).value() > 0) {
            payload = in.readNBytes((int) Math.min(((RmtReply.Ack) reply).value(), Integer.MAX_VALUE - 8));
            if (payload.length < ((RmtReply.Ack) reply).value()) {
                throw new EOFException("the connection ended inside the reply's data");
            }
        }
        return new Received(raw.toByteArray(), reply, payload);
    }

    private static String line(InputStream in, ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                if (raw.size() == 0) {
                    throw new Gone();
                }
                throw new EOFException("the connection ended inside the reply");
            }
            raw.write(c);
            line.write(c);
            if (line.size() > MAX_LINE) {
                throw new IOException("a reply line longer than " + MAX_LINE + " bytes");
            }
        }
        raw.write('\n');
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Forgets the connection after a failure; the next command connects anew. */
    void drop() {
        RmtTransport gone = transport;
        transport = null;
        if (gone != null) {
            try {
                gone.close();
            } catch (IOException e) {
                // Already broken: that is why it is dropped.
            }
        }
    }

    @Override
    public void close() {
        drop();
    }

    /** The connection ended where a reply should have begun: the server has gone. */
    static final class Gone extends EOFException {
        private static final long serialVersionUID = 1L;

        Gone() {
            super("the server closed the connection");
        }
    }
}
