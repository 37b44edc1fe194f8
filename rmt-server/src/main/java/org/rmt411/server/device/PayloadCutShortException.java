package org.rmt411.server.device;

import java.io.EOFException;

/**
 * Input ended inside a {@code W} payload. Nothing of that W may stay written: GNU rmt answers
 * {@code E5 Premature eof} and writes nothing, and st never leaves half a record on tape.
 */
public final class PayloadCutShortException extends EOFException {
    private static final long serialVersionUID = 1L;

    /** Input ended after {@code received} of {@code length} payload bytes. */
    public PayloadCutShortException(long received, long length) {
        super("end of input after " + received + " of " + length + " W payload bytes");
    }
}
