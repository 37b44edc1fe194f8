package org.rmt411.client.console;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import org.rmt411.client.trace.RequestScanner;
import org.rmt411.client.transport.RmtTransport;
import org.rmt411.protocol.RmtRequest;
import org.rmt411.protocol.SeekOrder;
import org.rmt411.protocol.explain.Explanations;
import org.rmt411.protocol.explain.TapeRules;

/**
 * {@code rmt411 console}: type rmt requests, friendly ({@code open /dev/nst0 rw}) or raw
 * ({@code raw "O/dev/nst0\n2\n"}), and see each one's exact bytes going out ({@code >}), the
 * reply's bytes coming back ({@code <}), and one line saying what happened and why ({@code =}).
 * Payloads are summarised (length and first bytes), never printed whole.
 */
public final class Console {
    /** The prompt, also echoed before each line of a piped script. */
    public static final String PROMPT = "rmt> ";

    /** Keywords completion offers after a command word, by position. */
    private static final Map<String, List<String>> KEYWORDS = Map.of(
            "open", List.of("ro", "wo", "rw", "create", "trunc", "append"),
            "write", List.of("random", "zero"),
            "seek", List.of("set", "cur", "end"),
            "status", List.of("bare"));

    private final Wire wire;
    private final Commands commands;
    private final RequestScanner raw = new RequestScanner();
    private PrintWriter out;

    /**
     * A console reaching its server through {@code factory}.
     *
     * @param seekOrder the order {@code seek} writes its two lines in
     */
    public Console(RmtTransport.Factory factory, SeekOrder seekOrder, PrintWriter out) {
        this.out = out;
        this.wire = new Wire(factory, lineOut());
        this.commands = new Commands(seekOrder);
    }

    /** Connects at once, so a wrong host or port fails before the first prompt. */
    public void connect() throws IOException {
        wire.send(new byte[0], new byte[0]);
    }

    /** Reads and runs commands until {@code quit} or the end of the lines; returns the exit status 0. */
    public int run(LineSource lines) throws IOException {
        out = lines.out();
        try (wire) {
            String line;
            while ((line = lines.next()) != null) {
                if (lines.echo()) {
                    out.println(PROMPT + line);
                }
                if (!perform(line.strip())) {
                    break;
                }
                out.flush();
            }
        } finally {
            out.flush();
        }
        return 0;
    }

    private PrintWriter lineOut() {
        return new PrintWriter(new java.io.Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                out.write(buf, off, len);
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        }, true);
    }

    /** Runs one line; false for quit. */
    private boolean perform(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return true;
        }
        try {
            List<String> words = Words.split(line);
            String name = words.get(0).toLowerCase(java.util.Locale.ROOT);
            switch (name) {
                case "quit", "exit" -> {
                    return false;
                }
                case "help" -> Commands.USAGE.values().forEach(usage -> out.println("  " + usage));
                case "raw" -> raw(words);
                default -> friendly(commands.parse(words));
            }
        } catch (IllegalArgumentException e) {
            out.println("! " + e.getMessage());
        } catch (IOException e) {
            lost(e);
        }
        return true;
    }

    private void friendly(Step step) throws IOException {
        if (raw.waiting()) {
            out.println("! a raw request is still incomplete: finish it with raw \"...\" first");
            return;
        }
        Received got = wire.exchange(step.request(), step.payload(), step.payloadFollows());
        out.println("> " + bytes(step.request(), step.payload()));
        out.println("< " + bytes(got.line(), got.payload()));
        Outcome.of(step, got).forEach(text -> out.println("= " + text));
    }

    private void raw(List<String> words) throws IOException {
        if (words.size() != 2 || !Words.quoted(words.get(1))) {
            throw new IllegalArgumentException("raw needs one quoted string: raw \"O/dev/nst0\\n2\\n\"");
        }
        byte[] bytes = Words.unquote(words.get(1));
        List<RmtRequest> requests = raw.add(bytes);
        wire.send(bytes, new byte[0]);
        out.println("> " + Escapes.show(bytes, 0, bytes.length) + " (" + bytes.length + " bytes)");
        for (RmtRequest request : requests) {
            boolean data = request instanceof RmtRequest.Read || request instanceof RmtRequest.Status;
            Received got = wire.receive(data);
            out.println("< " + bytes(got.line(), got.payload()));
            out.println("= " + Explanations.request(request).get(0));
            if (!got.ok()) {
                out.println("= " + Explanations.errno(got.errno(), "") + rawFailure(request, got.errno()));
            } else if (request instanceof RmtRequest.Status) {
                Outcome.status(got.payload()).forEach(text -> out.println("= " + text));
            }
        }
        if (raw.waiting()) {
            out.println("= the request is not complete: the server waits for more bytes, and so does the console");
        }
    }

    private static String rawFailure(RmtRequest request, int errno) {
        if (request instanceof RmtRequest.Ioctl && !((RmtRequest.Ioctl) request).isVersionHandshake()) {
            return ": " + TapeRules.failure(((RmtRequest.Ioctl) request).op(), errno);
        }
        if (request instanceof RmtRequest.Seek && errno == 22) {
            return ": " + Explanations.seekRefused();
        }
        if (request instanceof RmtRequest.Read) {
            return ": " + TapeRules.readFailure(errno);
        }
        if (request instanceof RmtRequest.Write) {
            return ": " + TapeRules.writeFailure(errno);
        }
        return "";
    }

    /** A request or reply line and its payload: escaped bytes, lengths, payload summarised. */
    private static String bytes(byte[] line, byte[] payload) {
        String shown = Escapes.show(line, 0, line.length) + " (" + line.length + " bytes)";
        return payload.length == 0 ? shown : shown + " + " + Escapes.payload(payload, payload.length);
    }

    /** The connection failed: say why in one line and start afresh with the next command. */
    private void lost(IOException e) {
        raw.reset();
        wire.drop();
        if (e instanceof EOFException) {
            out.println("= no reply: " + e.getMessage() + " (GNU rmt exits after C and after a garbage command);"
                    + " the next command connects anew");
        } else if (e instanceof SocketTimeoutException) {
            out.println("= no reply in time (--timeout): the server may be waiting for more bytes; "
                    + "the connection is dropped");
        } else {
            out.println("= connection failed: " + e.getMessage());
        }
    }

    /** The keywords completion offers for {@code command}'s word at {@code index}. */
    static List<String> keywords(String command, int index) {
        if (command.equals("seek") && index != 2) {
            return List.of();
        }
        return KEYWORDS.getOrDefault(command, List.of());
    }
}
