package org.rmt411.server.logging;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Logs to journald's stdout stream socket with the protocol of {@code sd_journal_stream_fd(3)}
 * (systemd's src/libsystemd/sd-journal/journal-send.c): a header of seven lines (identifier,
 * unit id left empty, default priority, level_prefix=1, and 0 for forwarding to syslog, kmsg and
 * console, which journald then decides by its own configuration), then one {@code <N>message}
 * line per record, N the syslog priority. journald forwards to syslog when configured to, so this
 * also covers syslog.
 */
final class JournalHandler extends Handler {
    private static final int LOG_INFO = 6;

    private final SocketChannel socket;

    private JournalHandler(SocketChannel socket) {
        this.socket = socket;
    }

    /** Connects to the socket at {@code path} and sends the stream header. */
    static JournalHandler connect(Path path, String identifier) throws IOException {
        SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            socket.connect(UnixDomainSocketAddress.of(path));
            // journal-send.c shuts the read side too: journald never answers on this stream.
            socket.shutdownInput();
            String header = identifier + "\n\n" + LOG_INFO + "\n1\n0\n0\n0\n";
            write(socket, header);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new JournalHandler(socket);
    }

    /** The syslog priority journald files a record under. */
    static int priority(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return 3; // LOG_ERR
        }
        if (value >= Level.WARNING.intValue()) {
            return 4; // LOG_WARNING
        }
        return value >= Level.INFO.intValue() ? LOG_INFO : 7; // LOG_DEBUG
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        try {
            write(socket, "<" + priority(record.getLevel()) + ">" + Lines.text(record) + "\n");
        } catch (IOException e) {
            // journald went away; nothing else can carry the news.
        }
    }

    private static void write(SocketChannel socket, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            socket.write(bytes);
        }
    }

    @Override
    public void flush() {
        // Written straight through.
    }

    /** Only flushes, as {@link LineHandler#close()} explains. */
    @Override
    public void close() {
        flush();
    }
}
