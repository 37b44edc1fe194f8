package org.rmt411.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.rmt411.server.device.DeviceNamespace;
import org.rmt411.server.device.FileProvider;
import org.rmt411.server.device.RootJail;
import org.rmt411.server.session.RmtSession;
import org.rmt411.server.session.SessionOptions;
import org.rmt411.server.tape.TapeLibrary;
import org.rmt411.server.tape.TapeProvider;
import org.rmt411.server.transport.SessionFactory;

/** Wires the device namespace under a root to the session factory every transport uses. */
public final class ServerRuntime {
    private ServerRuntime() {
    }

    /** The session factory for a server rooted at {@code root} (which must exist). */
    public static SessionFactory sessions(Path root, boolean readOnly, SessionOptions options) throws IOException {
        return sessions(root, readOnly, options, TapeLibrary.Settings.DEFAULT);
    }

    /** The session factory with the virtual tape library configured by {@code tapes}. */
    public static SessionFactory sessions(Path root, boolean readOnly, SessionOptions options,
            TapeLibrary.Settings tapes) throws IOException {
        DeviceNamespace namespace = namespace(root, readOnly, tapes);
        return (in, out, peer) -> new RmtSession(in, out, namespace, options, peer);
    }

    /**
     * The namespace: tape drives first ({@code /dev/nstN}, {@code /dev/stN}), then plain files.
     * One library per server process, so every session shares the drives' busy state.
     */
    private static DeviceNamespace namespace(Path root, boolean readOnly, TapeLibrary.Settings tapes)
            throws IOException {
        TapeLibrary library = new TapeLibrary(root, tapes, readOnly);
        // The library's folder is the drives' business only: plain-file access to it is refused.
        FileProvider files = new FileProvider(new RootJail(root), TapeLibrary.FOLDER);
        return new DeviceNamespace(List.of(new TapeProvider(library), files), readOnly);
    }
}
