package org.rmt411.server.session;

import java.io.IOException;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.RmtRequest;
import org.rmt411.protocol.SeekResolver;
import org.rmt411.protocol.explain.Explanations;
import org.rmt411.protocol.explain.TapeRules;
import org.rmt411.server.device.Device;

/**
 * What {@code --trace} writes about a request: the one line (command and arguments, never
 * payload bytes) and, for {@code --trace=verbose}, the explanation lines under it, whose words
 * come from rmt-protocol's explain package so the console and the client say the same.
 */
final class TraceLines {
    /** Explanation lines are indented under their request line. */
    private static final String INDENT = "     ";

    private final Trace trace;
    private final boolean verbose;

    TraceLines(Trace trace, TraceLevel level) {
        this.trace = trace;
        this.verbose = level == TraceLevel.VERBOSE;
    }

    /** The request's line, then with verbose what it asks and who sends it so. */
    void request(RmtRequest request) {
        trace.line(Explanations.line(request));
        if (verbose) {
            Explanations.request(request).forEach(text -> trace.line(INDENT + text));
        }
    }

    /** With verbose: how the {@code L} just resolved was read, and by which rule. */
    void seek(RmtRequest.Seek seek, SeekResolver.Resolved resolved, SeekResolver seeks) {
        if (verbose) {
            trace.line(INDENT + Explanations.seek(seek, resolved, seeks.lastRule(), seeks.lastOrder()));
        }
    }

    /** With verbose: what the tape operation does and where the tape stands before it. */
    void before(int linuxOp, Device device) {
        if (verbose) {
            trace.line(INDENT + TapeRules.opName(linuxOp) + ": " + TapeRules.does(linuxOp));
            position("before", device);
        }
    }

    /** With verbose: the st rule of a failed operation ({@code errno} not 0) and the position after. */
    void after(int linuxOp, int errno, Device device) {
        if (verbose) {
            if (errno != 0) {
                trace.line(INDENT + TapeRules.failure(linuxOp, errno));
            }
            position("after", device);
        }
    }

    /** A plain line (replies, end of input). */
    void line(String text) {
        trace.line(text);
    }

    private void position(String when, Device device) {
        try {
            MtStatus status = device.status();
            trace.line(INDENT + when + ": " + TapeRules.position(status) + ", " + TapeRules.gstat(status.gstat()));
        } catch (IOException | RuntimeException e) {
            // Not a tape (a plain file answers ENOTTY): there is no position to show.
        }
    }
}
