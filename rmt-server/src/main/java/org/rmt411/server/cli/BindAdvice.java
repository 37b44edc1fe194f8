package org.rmt411.server.cli;

import java.net.BindException;

/** Turns a refused bind into advice a user can act on. */
final class BindAdvice {
    private BindAdvice() {
    }

    static String explain(int port, BindException e) {
        String reason = String.valueOf(e.getMessage());
        if (reason.contains("ermission") && port < 1024) {
            return "rmt-server: cannot listen on TCP port " + port + ": permission denied (ports below 1024"
                    + " need privileges). Choose another port with --port (for example --port 4110), let"
                    + " systemd open the port and pass it (socket activation, no option needed, see README), or"
                    + " grant the JVM CAP_NET_BIND_SERVICE (setcap cap_net_bind_service=+ep on the java binary).";
        }
        if (reason.contains("in use")) {
            return "rmt-server: cannot listen on TCP port " + port + ": the address is already in use."
                    + " Another rmt server may be running; choose another port with --port.";
        }
        return "rmt-server: cannot listen on TCP port " + port + ": " + reason + " (see --port and --bind).";
    }
}
