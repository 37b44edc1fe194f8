package org.rmt411.client.trace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.rmt411.client.transport.RmtTransport;
import org.rmt411.protocol.RmtRequest;
import org.rmt411.protocol.explain.Explanations;

/**
 * The client's {@code --trace}: a transport that passes every byte through unchanged and writes
 * one line per request and per reply, as the server's {@code --trace} does ({@code W 10240},
 * {@code   -> A10240}), never payload bytes. {@code verbose} adds what each request asks and
 * who sends it so, and each errno in words, from rmt-protocol's explain package.
 */
public final class TracingTransport implements RmtTransport {
    private static final String INDENT = "     ";

    private final RmtTransport inner;
    private final Consumer<String> log;
    private final boolean verbose;
    private final RequestScanner scanner = new RequestScanner();
    private final Deque<RmtRequest> awaiting = new ArrayDeque<>();
    private final ByteArrayOutputStream unscanned = new ByteArrayOutputStream();
    private final InputStream in;
    private final OutputStream out;

    private TracingTransport(RmtTransport inner, Consumer<String> log, boolean verbose) {
        this.inner = inner;
        this.log = log;
        this.verbose = verbose;
        this.in = new ReplyTap(inner.input(), this::replied);
        this.out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                unscanned.write(b);
                inner.output().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                unscanned.write(b, off, len);
                inner.output().write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                // Clients flush at request boundaries, before they wait for a reply: the requests
                // are named here, so their lines come before their replies'.
                scan();
                inner.output().flush();
            }

            @Override
            public void close() throws IOException {
                scan();
                inner.output().close();
            }
        };
    }

    /** A factory whose transports trace to {@code log}. */
    public static Factory wrap(Factory factory, Consumer<String> log, boolean verbose) {
        return () -> new TracingTransport(factory.connect(), log, verbose);
    }

    private void scan() throws IOException {
        byte[] bytes = unscanned.toByteArray();
        unscanned.reset();
        for (RmtRequest request : scanner.add(bytes)) {
            log.accept(Explanations.line(request));
            if (verbose) {
                Explanations.request(request).forEach(text -> log.accept(INDENT + text));
            }
            awaiting.add(request);
        }
    }

    /** Logs a reply; returns how many data bytes follow it. */
    private long replied(String first, String text) {
        RmtRequest request = awaiting.poll();
        if (text != null) {
            log.accept("  -> " + first + " " + text);
            if (verbose) {
                log.accept(INDENT + Explanations.errno(parse(first), text));
            }
            return 0;
        }
        log.accept("  -> " + first);
        boolean data = request instanceof RmtRequest.Read || request instanceof RmtRequest.Status;
        return data && first.startsWith("A") ? Math.max(0, parse(first)) : 0;
    }

    private static int parse(String line) {
        try {
            return Integer.parseInt(line.substring(1).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void replyStarts() {
        inner.replyStarts();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
