package org.rmt411.client;

import org.rmt411.protocol.RmtException;

/**
 * The server refused a request ({@code E<errno>⏎<text>⏎}), or the client refused the server's
 * answer: carries the errno, the server's text and the operation that failed.
 */
public class RemoteTapeException extends RmtException {
    private static final long serialVersionUID = 1L;

    private final String operation;

    /**
     * @param operation what was asked, e.g. {@code "open /a.tar"}
     * @param errno Linux errno number as the server sent it
     * @param text the server's error text
     */
    public RemoteTapeException(String operation, int errno, String text) {
        super(errno, text);
        this.operation = operation;
    }

    /** What was asked when the server answered with an error. */
    public String operation() {
        return operation;
    }

    @Override
    public String getMessage() {
        return operation + ": " + text() + " (remote errno " + errno() + ")";
    }
}
