package org.rmt411.server.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.protocol.tls.TlsContexts;
import org.rmt411.server.cli.ServerRuntime;
import org.rmt411.server.session.SessionOptions;
import org.rmt411.protocol.tls.TestPki;

/** The contract over mutual TLS on a free loopback port: the session runs unchanged on TLS streams. */
class TlsContractTest extends SessionContract {
    @TempDir
    static Path pkiDir;
    private static TestPki pki;

    @BeforeAll
    static void certificates() throws Exception {
        pki = TestPki.create(pkiDir);
    }

    @Override
    protected Connection connect(Duration idle) throws Exception {
        TlsHandshake tls = TlsHandshake.load(pki.cert("server"), pki.key("server"), pki.cert("ca"));
        TcpServer server = TcpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ServerRuntime.sessions(root, false, SessionOptions.defaults().withIdleTimeout(idle)),
                new CidrSet(CidrSet.LOOPBACK), 4, tls);
        SSLContext client = TlsContexts.context(TlsContexts.keyManagers(pki.cert("client"), pki.key("client")),
                TlsContexts.trustManagers(pki.cert("ca")));
        SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                server.port());
        socket.startHandshake();
        return new SocketConnection(socket, server::close);
    }
}
