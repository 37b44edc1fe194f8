package org.rmt411.server.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import org.rmt411.server.cli.ServerRuntime;
import org.rmt411.server.session.SessionOptions;

/** The contract over an in-memory pipe: the session with no transport at all. */
class PipeContractTest extends SessionContract {
    @Override
    protected Connection connect(java.time.Duration idle) throws Exception {
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        SessionFactory sessions = ServerRuntime.sessions(root, false, SessionOptions.defaults().withIdleTimeout(idle));
        Thread server = new Thread(() -> {
            try (Pipe.SinkChannel out = toClient.sink()) {
                sessions.newSession(toServer.source(), out, new org.rmt411.server.session.Peer("pipe", "pipe")).run();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "pipe-session");
        server.start();
        InputStream in = Channels.newInputStream(toClient.source());
        OutputStream out = Channels.newOutputStream(toServer.sink());
        return new Connection() {
            @Override
            public InputStream in() {
                return in;
            }

            @Override
            public OutputStream out() {
                return out;
            }

            @Override
            public void endOutput() throws IOException {
                out.close();
            }

            @Override
            public void close() throws IOException {
                out.close();
                try {
                    server.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                in.close();
            }
        };
    }
}
