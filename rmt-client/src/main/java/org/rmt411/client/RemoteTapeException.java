package org.rmt411.client;

import org.rmt411.protocol.RmtException;

/**
 * The server refused a request ({@code E<errno>⏎<text>⏎}), or the client refused the server's
 * answer: carries the errno, the server's text and the operation that failed.
 */
public class RemoteTapeException extends RmtException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    /** The server that refused ("tcp tapehost:411"), or null when not known. */
    private final String server;

    /**
     * @param operation what was asked, e.g. {@code "open /a.tar"}
     * @param errno Linux errno number as the server sent it
     * @param text the server's error text
     */
    public RemoteTapeException(String operation, int errno, String text) {
        this(null, operation, errno, text);
    }

    /**
     * @param server the server that answered, as its transport describes it, named first in the
     *     message so a user with several tape hosts knows which one refused
     */
    public RemoteTapeException(String server, String operation, int errno, String text) {
        super(errno, text);
        this.operation = operation;
        this.server = server;
    }

    /** What was asked when the server answered with an error. */
    public String operation() {
        return operation;
    }

    @Override
    public String getMessage() {
        return (server == null ? "" : server + ": ") + operation + ": " + text() + " (remote errno " + errno() + ")";
    }
}
