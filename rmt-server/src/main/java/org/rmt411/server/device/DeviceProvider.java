package org.rmt411.server.device;

import java.io.IOException;
import java.util.Optional;

/**
 * One family of device names (plain files under the root, tape drives {@code /dev/nstN} and
 * {@code /dev/stN}). The namespace asks each provider in turn.
 */
public interface DeviceProvider {

    /**
     * Opens {@code name} if it belongs to this provider.
     *
     * @param name the device name as sent, already checked for NUL bytes
     * @param flags Linux open flags ({@link org.rmt411.protocol.OpenFlags})
     * @return the open device, or empty when the name is not this provider's
     * @throws IOException when the name is this provider's but cannot be opened
     */
    Optional<Device> open(String name, int flags) throws IOException;

    /**
     * Opens {@code name} for the session talking to {@code peer}; providers that keep no record
     * of who has a device open (plain files) need not know.
     */
    default Optional<Device> open(String name, int flags, String peer) throws IOException {
        return open(name, flags);
    }
}
