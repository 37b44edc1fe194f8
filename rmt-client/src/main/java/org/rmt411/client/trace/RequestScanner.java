package org.rmt411.client.trace;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rmt411.protocol.RmtRequest;
import org.rmt411.protocol.RmtRequestDecoder;

/**
 * Finds the requests in bytes a client sends, so the console knows how many replies to wait for
 * after {@code raw} and the client's {@code --trace} can name what it sent. It reads the bytes
 * with the server's own decoder; a request cut short (say {@code raw "O/dev/nst0\n"}) waits, as
 * the server does, until later bytes complete it.
 */
public final class RequestScanner {
    private byte[] unanswered = new byte[0];
    private int answered;

    /** The requests that {@code bytes} completed, in order. */
    public List<RmtRequest> add(byte[] bytes) throws IOException {
        byte[] all = new byte[unanswered.length + bytes.length];
        System.arraycopy(unanswered, 0, all, 0, unanswered.length);
        System.arraycopy(bytes, 0, all, unanswered.length, bytes.length);
        RmtRequestDecoder decoder = new RmtRequestDecoder(new ByteArrayInputStream(all));
        List<RmtRequest> found = new ArrayList<>();
        boolean complete = true;
        try {
            RmtRequest request;
            while ((request = decoder.next()) != null) {
                if (request instanceof RmtRequest.Write) {
                    skip(decoder, ((RmtRequest.Write) request).count());
                }
                found.add(request);
                if (request instanceof RmtRequest.Rejected && ((RmtRequest.Rejected) request).fatal()) {
                    break;
                }
            }
        } catch (EOFException e) {
            complete = false;
        }
        List<RmtRequest> fresh = new ArrayList<>(found.subList(Math.min(answered, found.size()), found.size()));
        if (complete) {
            unanswered = new byte[0];
            answered = 0;
        } else {
            unanswered = all;
            answered = found.size();
        }
        return fresh;
    }

    /** True while the bytes sent end inside a request. */
    public boolean waiting() {
        return unanswered.length > 0;
    }

    /** Forgets a partial request: the connection it was sent on is gone. */
    public void reset() {
        unanswered = new byte[0];
        answered = 0;
    }

    private static void skip(RmtRequestDecoder decoder, long count) throws IOException {
        byte[] sink = new byte[8192];
        for (long left = count; left > 0; ) {
            int n = (int) Math.min(sink.length, left);
            if (decoder.readPayload(sink, 0, n) < n) {
                throw new EOFException("W payload cut short");
            }
            left -= n;
        }
    }
}
