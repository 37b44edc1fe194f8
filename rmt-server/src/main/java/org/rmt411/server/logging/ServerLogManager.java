package org.rmt411.server.logging;

import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The JDK's log manager, except that the server's handler survives {@link #reset()}. The JDK
 * resets logging from a shutdown hook of its own, in parallel with ours; without this, the lines
 * logged while SIGTERM closes the sessions (their audit lines, "terminated") would be dropped.
 * {@link Logging#start} selects it through {@code java.util.logging.manager}.
 */
public final class ServerLogManager extends LogManager {
    private volatile Handler kept;

    /** Made by the JDK's {@link LogManager} from the system property. */
    public ServerLogManager() {
        super();
    }

    void keep(Handler handler) {
        kept = handler;
    }

    @Override
    public void reset() {
        super.reset();
        Handler handler = kept;
        Logger root = getLogger("");
        if (handler != null && root != null) {
            root.addHandler(handler);
        }
    }
}
