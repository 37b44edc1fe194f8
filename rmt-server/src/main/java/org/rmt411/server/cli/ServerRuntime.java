package org.rmt411.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.rmt411.server.device.DeviceNamespace;
import org.rmt411.server.device.FileProvider;
import org.rmt411.server.device.RootJail;
import org.rmt411.server.session.RmtSession;
import org.rmt411.server.session.SessionOptions;
import org.rmt411.server.transport.SessionFactory;

/** Wires the device namespace under a root to the session factory every transport uses. */
public final class ServerRuntime {
    private ServerRuntime() {
    }

    /** The session factory for a server rooted at {@code root} (which must exist). */
    public static SessionFactory sessions(Path root, boolean readOnly, SessionOptions options) throws IOException {
        DeviceNamespace namespace = namespace(root, readOnly);
        return (in, out, peer) -> new RmtSession(in, out, namespace, options, peer);
    }

    /** The namespace: tape drives first (once they exist), then plain files. */
    public static DeviceNamespace namespace(Path root, boolean readOnly) throws IOException {
        return new DeviceNamespace(List.of(new FileProvider(new RootJail(root))), readOnly);
    }
}
