package org.rmt411.server.device;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.RmtException;

/**
 * Maps device names to devices: the server-wide policy (read-only, forbidden bytes) first, then
 * the providers in order, so tape drives claim their names before the file fallback.
 */
public final class DeviceNamespace {
    private final List<DeviceProvider> providers;
    private final boolean readOnly;

    /** A namespace asking {@code providers} in order; {@code readOnly} refuses every write open. */
    public DeviceNamespace(List<DeviceProvider> providers, boolean readOnly) {
        this.providers = List.copyOf(providers);
        this.readOnly = readOnly;
    }

    /**
     * Opens {@code name}.
     *
     * @throws RmtException E13 for a NUL byte (GNU rmt would silently cut the name there), E30
     *     for a write open on a read-only server, E2 when no provider takes the name
     */
    public Device open(String name, int flags) throws IOException {
        return open(name, flags, "local");
    }

    /**
     * Opens {@code name} for the session talking to {@code peer} (recorded by the tape drives
     * while open, for the operator's "in use by PEER since TIME").
     *
     * @throws RmtException as {@link #open(String, int)}
     */
    public Device open(String name, int flags, String peer) throws IOException {
        if (name.indexOf('\0') >= 0) {
            throw new RmtException(Errno.EACCES);
        }
        if (readOnly && OpenFlags.wantsWrite(flags)) {
            throw new RmtException(Errno.EROFS);
        }
        for (DeviceProvider provider : providers) {
            Optional<Device> device = provider.open(name, flags, peer);
            if (device.isPresent()) {
                return device.get();
            }
        }
        throw new RmtException(Errno.ENOENT);
    }
}
