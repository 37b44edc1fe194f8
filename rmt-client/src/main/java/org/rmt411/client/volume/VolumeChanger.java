package org.rmt411.client.volume;

import java.io.IOException;

/**
 * Makes the next volume of a multi-volume archive ready, after the finished one's rmt session is
 * closed and before the next one is opened: GNU tar's {@code --new-volume-script}, its prompt,
 * or an autoloader.
 */
@FunctionalInterface
public interface VolumeChanger {
    /**
     * @return the device or file to open for volume {@code request.volume()}:
     *     {@code request.device()} to keep the same one
     * @throws IOException when no next volume can be had (the archive stays incomplete)
     */
    String prepare(VolumeRequest request) throws IOException;

    /**
     * Unloads the drive ({@code mt offline}) so its autoloader loads the next cartridge, and
     * reopens the same device: the default for rmt411's virtual drives.
     */
    static VolumeChanger unloadDrive() {
        return request -> {
            request.drive().unload();
            return request.device();
        };
    }
}
