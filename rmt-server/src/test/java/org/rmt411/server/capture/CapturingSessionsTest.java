package org.rmt411.server.capture;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.server.cli.ServerRuntime;
import org.rmt411.server.session.Peer;
import org.rmt411.server.session.SessionOptions;
import org.rmt411.server.transport.CidrSet;
import org.rmt411.server.transport.SessionFactory;
import org.rmt411.server.transport.TcpServer;

/** Sessions recorded into a pcapng file, read back block by block and segment by segment. */
class CapturingSessionsTest {
    @TempDir
    Path dir;

    /** Runs one session on in-memory streams (no socket: the stdio case) and returns what it wrote. */
    private byte[] session(SessionFactory sessions, byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sessions.newSession(Channels.newChannel(new ByteArrayInputStream(input)), Channels.newChannel(out),
                new Peer("stdio", "stdin")).run();
        return out.toByteArray();
    }

    private SessionFactory captured(CaptureFile file) throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        return CapturingSessions.around(ServerRuntime.sessions(root, false, SessionOptions.defaults()), file);
    }

    @Test
    void aStdioSessionIsATcpConversationToPort411WithEveryByteInOrder() throws Exception {
        Path pcap = dir.resolve("s.pcapng");
        byte[] input = "O/a.bin\n577 O_WRONLY|O_CREAT|O_TRUNC\nW5\nhelloC\nO/nothing\n0\n".getBytes(ISO_8859_1);
        byte[] output;
        try (CaptureFile file = CaptureFile.open(pcap)) {
            output = session(captured(file), input);
        }
        assertThat(new String(output, ISO_8859_1)).isEqualTo("A0\nA5\nA0\nE2\nNo such file or directory\n");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pcap)))
                .as("it holds every payload byte").isEqualTo("rw-------");
        CaptureReader.Capture capture = CaptureReader.read(pcap);
        assertThat(capture.sections()).isEqualTo(1);
        assertThat(capture.linkTypes()).containsExactly(101);
        assertThat(capture.timestampDigits()).containsExactly(9);
        assertThat(capture.conversations()).hasSize(1);
        CaptureReader.Conversation c = capture.conversations().get(0);
        assertThat(c.client).matches("127\\.0\\.0\\.2:\\d+");
        assertThat(c.server).isEqualTo("127.0.0.1:411");
        assertThat(c.complete()).as("handshake, sequence numbers, both FINs").isTrue();
        assertThat(c.fromClient()).isEqualTo(input);
        assertThat(c.fromServer()).isEqualTo(output);
        assertThat(capture.segments()).allMatch(CaptureReader.Segment::checksumsOk, "checksums");
        assertThat(capture.segments().subList(0, 3)).extracting(CaptureReader.Segment::flags)
                .containsExactly(TcpPacket.SYN, TcpPacket.SYN | TcpPacket.ACK, TcpPacket.ACK);
        long now = System.currentTimeMillis() * 1_000_000L;
        assertThat(capture.segments()).allMatch(s -> Math.abs(s.nanos() - now) < 60_000_000_000L, "nanosecond times");
    }

    @Test
    void aLargePayloadIsCutIntoSegmentsOfAtMostTheMss() throws Exception {
        Path pcap = dir.resolve("big.pcapng");
        byte[] payload = new byte[200_000];
        new Random(7).nextBytes(payload);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes("O/big\n66 O_RDWR|O_CREAT\nW200000\n".getBytes(ISO_8859_1));
        input.writeBytes(payload);
        input.writeBytes("L0\n0\nR200000\n".getBytes(ISO_8859_1));
        byte[] output;
        try (CaptureFile file = CaptureFile.open(pcap)) {
            output = session(captured(file), input.toByteArray());
        }
        CaptureReader.Conversation c = CaptureReader.read(pcap).conversations().get(0);
        assertThat(c.complete()).isTrue();
        assertThat(c.fromClient()).isEqualTo(input.toByteArray());
        assertThat(c.fromServer()).isEqualTo(output);
        assertThat(new String(output, 0, 22, ISO_8859_1)).isEqualTo("A0\nA200000\nA0\nA200000\n");
        assertThat(Arrays.copyOfRange(output, 22, output.length)).isEqualTo(payload);
        assertThat(c.segments).allMatch(s -> s.payload().length <= TcpPacket.MAX_SEGMENT);
        assertThat(c.segments).filteredOn(s -> s.payload().length == TcpPacket.MAX_SEGMENT).isNotEmpty();
    }

    @Test
    void anExistingCaptureGetsANewSectionAndAnythingElseIsRefused() throws Exception {
        Path pcap = dir.resolve("twice.pcapng");
        for (int i = 0; i < 2; i++) {
            try (CaptureFile file = CaptureFile.open(pcap)) {
                session(captured(file), "O/x\n0\n".getBytes(ISO_8859_1));
            }
        }
        CaptureReader.Capture capture = CaptureReader.read(pcap);
        assertThat(capture.sections()).isEqualTo(2);
        assertThat(capture.conversations()).hasSize(2).allMatch(CaptureReader.Conversation::complete);

        Path archive = Files.write(dir.resolve("a.tar"), new byte[] {'u', 's', 't', 'a', 'r'});
        assertThatThrownBy(() -> CaptureFile.open(archive)).hasMessage(
                "--capture " + archive + ": not a pcapng file; refusing to append to it");
        assertThat(Files.readAllBytes(archive)).hasSize(5);
        Path nowhere = dir.resolve("no/such/folder/x.pcapng");
        assertThatThrownBy(() -> CaptureFile.open(nowhere))
                .hasMessage("--capture " + nowhere + ": No such file or directory");
    }

    @Test
    void aTcpSessionKeepsItsRealIpv6AddressesAndPorts() throws Exception {
        Path pcap = dir.resolve("v6.pcapng");
        int clientPort;
        try (CaptureFile file = CaptureFile.open(pcap)) {
            TcpServer server = TcpServer.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0), captured(file),
                    new CidrSet(CidrSet.LOOPBACK), 2);
            try (Socket s = new Socket(InetAddress.getByName("::1"), server.port())) {
                clientPort = s.getLocalPort();
                s.getOutputStream().write("O/nothing\n0\n".getBytes(ISO_8859_1));
                assertThat(new String(s.getInputStream().readNBytes(29), ISO_8859_1))
                        .isEqualTo("E2\nNo such file or directory\n");
            } finally {
                server.close();
            }
            CaptureReader.Conversation c = CaptureReader.read(pcap).conversations().get(0);
            assertThat(c.client).isEqualTo("0:0:0:0:0:0:0:1:" + clientPort);
            assertThat(c.server).isEqualTo("0:0:0:0:0:0:0:1:" + server.port());
            assertThat(c.complete()).isTrue();
            assertThat(c.segments).allMatch(CaptureReader.Segment::checksumsOk);
            assertThat(new String(c.fromClient(), ISO_8859_1)).isEqualTo("O/nothing\n0\n");
        }
    }

    @Test
    void concurrentSessionsShareOneFileWithoutMixingTheirBlocks() throws Exception {
        Path pcap = dir.resolve("many.pcapng");
        List<byte[]> inputs = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (CaptureFile file = CaptureFile.open(pcap)) {
            SessionFactory sessions = captured(file);
            for (int i = 0; i < 8; i++) {
                byte[] data = new byte[70_000 + i];
                new Random(i).nextBytes(data);
                ByteArrayOutputStream in = new ByteArrayOutputStream();
                in.writeBytes(("O/f" + i + "\n577\nW" + data.length + "\n").getBytes(ISO_8859_1));
                in.writeBytes(data);
                inputs.add(in.toByteArray());
                Thread t = new Thread(() -> session(sessions, in.toByteArray()));
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        List<CaptureReader.Conversation> conversations = CaptureReader.read(pcap).conversations();
        assertThat(conversations).hasSize(8).allMatch(CaptureReader.Conversation::complete);
        assertThat(conversations).extracting(c -> Arrays.hashCode(c.fromClient()))
                .containsExactlyInAnyOrderElementsOf(inputs.stream().map(Arrays::hashCode).toList());
    }
}
