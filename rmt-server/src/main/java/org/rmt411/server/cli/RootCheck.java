package org.rmt411.server.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rmt411.server.logging.Reasons;
import org.rmt411.server.session.SessionOptions;
import org.rmt411.server.transport.SessionFactory;

/**
 * Makes sure {@code --root} is a folder the server can use before serving anything, and says
 * why not in the operating system's words: {@code --root /x: Permission denied}.
 */
final class RootCheck {
    private RootCheck() {
    }

    /** Why the root cannot be used. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /** The session factory for the configured root, created if missing. */
    static SessionFactory sessions(ServerConfig config) throws Unusable {
        Path root = config.root();
        SessionOptions options = new SessionOptions(config.maxRecord(), config.seekOrder(), config.trace(),
                config.idleTimeout());
        ServerRuntime.Devices devices = new ServerRuntime.Devices(root, config.stateFolder(), config.tapes(),
                config.readOnly(), config.access(), config.library(), config.modes().s3());
        if (root == null) {
            // GNU rmt's paths: nothing to check up front, every open is the operating system's
            // business; the library's folder is made (or found missing) on first use of a drive.
            try {
                return ServerRuntime.sessions(devices, options);
            } catch (IOException e) {
                throw new Unusable(Reasons.of(e));
            }
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw unusable(root, "Not a directory");
        }
        if (config.readOnly() && !Files.exists(root)) {
            // A read-only server creates nothing, not even its root: a missing one is a typo.
            throw unusable(root, "no such folder (--read-only creates nothing)");
        }
        try {
            if (!config.readOnly()) {
                Files.createDirectories(root);
            }
        } catch (IOException e) {
            throw unusable(root, reason(root, e));
        }
        if (!Files.isReadable(root) || !Files.isExecutable(root)) {
            throw unusable(root, "Permission denied");
        }
        if (!config.readOnly() && !Files.isWritable(root)) {
            throw unusable(root, "Permission denied (not writable; --read-only serves it for reading)");
        }
        try {
            return ServerRuntime.sessions(devices, options);
        } catch (IOException e) {
            throw unusable(root, reason(root, e));
        }
    }

    private static Unusable unusable(Path root, String reason) {
        return new Unusable("--root " + root + ": " + reason);
    }

    /** The reason, naming the file inside the root when that is where it failed. */
    private static String reason(Path root, IOException e) {
        String file = e instanceof FileSystemException ? ((FileSystemException) e).getFile() : null;
        boolean elsewhere = file != null && !Path.of(file).equals(root);
        return (elsewhere ? file + ": " : "") + Reasons.of(e);
    }
}
