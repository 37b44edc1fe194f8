package org.rmt411.server.transport;

import java.time.Duration;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.rmt411.server.cli.ServerRuntime;
import org.rmt411.server.session.SessionOptions;

/** The contract over TCP on a free loopback port. */
class TcpContractTest extends SessionContract {
    @Override
    protected Connection connect(Duration idle) throws Exception {
        TcpServer server = TcpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ServerRuntime.sessions(root, false, SessionOptions.defaults().withIdleTimeout(idle)),
                new CidrSet(CidrSet.LOOPBACK), 4);
        return new SocketConnection(server.port(), server::close);
    }
}
