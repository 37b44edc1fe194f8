package org.rmt411.server.transport;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import jdk.net.ExtendedSocketOptions;

/** The socket options every rmt connection gets, whichever way it arrived. */
final class SocketTuning {
    private static final System.Logger LOG = System.getLogger(SocketTuning.class.getName());
    /** Keepalive probing starts after this many seconds of silence... */
    static final int KEEPALIVE_IDLE_SECONDS = 60;
    /** ...probes every this many seconds... */
    static final int KEEPALIVE_INTERVAL_SECONDS = 10;
    /** ...and gives up after this many unanswered: a vanished peer is noticed in about 2 minutes. */
    static final int KEEPALIVE_PROBES = 6;

    private SocketTuning() {
    }

    /**
     * TCP_NODELAY, because without it every small reply waits ~40 ms for Nagle and delayed ACK;
     * SO_KEEPALIVE with short timers, because a client host that crashed or lost its network
     * sends nothing more, and without probes its session (and its tape drive) would wait for
     * {@code --idle-timeout}, or forever when that is off. The kernel's default is two hours.
     */
    static void apply(SocketChannel socket) throws IOException {
        socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        socket.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        trySet(socket, ExtendedSocketOptions.TCP_KEEPIDLE, KEEPALIVE_IDLE_SECONDS);
        trySet(socket, ExtendedSocketOptions.TCP_KEEPINTERVAL, KEEPALIVE_INTERVAL_SECONDS);
        trySet(socket, ExtendedSocketOptions.TCP_KEEPCOUNT, KEEPALIVE_PROBES);
    }

    private static void trySet(SocketChannel socket, SocketOption<Integer> option, int value) {
        try {
            if (socket.supportedOptions().contains(option)) {
                socket.setOption(option, value);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform tunes keepalive per socket; the system-wide timers then apply.
            LOG.log(Level.DEBUG, () -> option.name() + ": " + e);
        }
    }
}
