package org.rmt411.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.rmt411.server.capture.CaptureFile;
import org.rmt411.server.capture.CaptureReader;
import org.rmt411.server.capture.CapturingSessions;
import org.rmt411.server.cli.ServerRuntime;
import org.rmt411.server.session.SessionOptions;

/**
 * The contract over TCP with {@code --capture} on: tapping the channels changes nothing a client
 * sees (silence, end of input, garbage, payloads cut short), and every session, however it
 * ended, is in the file as a whole TCP conversation on its real ports.
 */
class CapturedTcpContractTest extends SessionContract {
    private Path pcap;
    private CaptureFile file;

    @Override
    protected Connection connect(Duration idle) throws Exception {
        if (file == null) {
            pcap = Files.createTempFile("contract", ".pcapng");
            file = CaptureFile.open(pcap);
        }
        SessionFactory sessions = CapturingSessions.around(
                ServerRuntime.sessions(root, false, SessionOptions.defaults().withIdleTimeout(idle)), file);
        TcpServer server = TcpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), sessions,
                new CidrSet(CidrSet.LOOPBACK), 4);
        return new SocketConnection(server.port(), server::close);
    }

    @AfterEach
    void everySessionIsAWholeConversation() throws Exception {
        if (file == null) {
            return;
        }
        file.close();
        CaptureReader.Capture capture = CaptureReader.read(pcap);
        assertThat(capture.conversations()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.server).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(c.complete()).as("handshake, sequence numbers, both FINs").isTrue();
        });
        assertThat(capture.segments()).allMatch(CaptureReader.Segment::checksumsOk);
        Files.delete(pcap);
    }
}
