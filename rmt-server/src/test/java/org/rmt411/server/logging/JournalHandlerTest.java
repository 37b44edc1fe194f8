package org.rmt411.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journald stream protocol, against a Unix socket standing in for journald. */
class JournalHandlerTest {
    @TempDir
    Path dir;

    @Test
    void sendsSystemdCatsHeaderThenOnePrioritisedLinePerRecord() throws Exception {
        Path path = dir.resolve("stdout");
        try (ServerSocketChannel journald = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            journald.bind(UnixDomainSocketAddress.of(path));
            JournalHandler handler = JournalHandler.connect(path, "rmt-server");
            handler.publish(new LogRecord(Level.INFO, "drive 0: magazine empty,\nloaded a blank cartridge"));
            handler.publish(new LogRecord(Level.WARNING, "refused 192.0.2.1:1: not in --allow"));
            handler.publish(new LogRecord(Level.SEVERE, "accept failed"));
            handler.publish(new LogRecord(Level.FINE, "debug detail"));
            handler.close();
            try (SocketChannel stream = journald.accept()) {
                String expected = "rmt-server\n\n6\n1\n0\n0\n0\n"
                        + "<6>drive 0: magazine empty, loaded a blank cartridge\n"
                        + "<4>refused 192.0.2.1:1: not in --allow\n"
                        + "<3>accept failed\n"
                        + "<7>debug detail\n";
                assertThat(read(stream, expected.length())).isEqualTo(expected);
            }
        }
    }

    private static String read(SocketChannel stream, int length) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (bytes.size() < length && stream.read(buffer.clear()) > 0) {
            bytes.write(buffer.array(), 0, buffer.position());
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
