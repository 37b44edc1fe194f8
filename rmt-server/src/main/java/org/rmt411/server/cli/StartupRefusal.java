package org.rmt411.server.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.List;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtReplyEncoder;
import org.rmt411.protocol.RmtRequestDecoder;

/**
 * How a server started over a remote shell says it cannot run. Its stderr line travels back
 * through ssh to the user's terminal, as GNU rmt's own messages do; and the client's first
 * request ({@code O}) is answered {@code E5} with the same line, so the client fails at once
 * with {@code Cannot open: Input/output error} (GNU tar, cpio, mt show the errno; rmt411's
 * client shows the text) instead of waiting on a server that is gone.
 */
final class StartupRefusal {
    private StartupRefusal() {
    }

    /**
     * Answers the first request with {@code problem} when {@code args} start a stdio server
     * ({@code --rmt} or {@code --stdio}); the exit code (1).
     */
    static int answer(String problem, String... args) {
        List<String> given = List.of(args);
        if (given.contains("--rmt") || given.contains("--stdio")) {
            try {
                RmtRequestDecoder requests = new RmtRequestDecoder(new FileInputStream(FileDescriptor.in).getChannel(),
                        RmtRequestDecoder.DEFAULT_MAX_RECORD);
                if (requests.next() != null) {
                    RmtReplyEncoder replies = new RmtReplyEncoder(new FileOutputStream(FileDescriptor.out).getChannel());
                    replies.error(Errno.EIO.number(), "rmt-server: " + problem);
                    replies.flush();
                }
            } catch (IOException e) {
                // The client went away: the stderr line is all it gets.
            }
        }
        return ServerLauncher.EXIT_RUNTIME;
    }
}
