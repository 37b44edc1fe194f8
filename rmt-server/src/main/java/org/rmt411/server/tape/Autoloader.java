package org.rmt411.server.tape;

import java.io.IOException;

/** What feeds a drive: the answer to MTOFFL and MTUNLOAD, and MTLOAD into an empty drive. */
interface Autoloader {
    /**
     * Mounts the cartridge that follows {@code unloaded} in the magazine.
     *
     * @param wasBlank the unloaded cartridge held nothing: then no blank one is made, so a
     *     reader asking for volume after volume stops at an empty drive instead of looping
     * @return the mounted cartridge, or null to leave the drive empty
     */
    Cartridge next(String unloaded, boolean wasBlank) throws IOException;

    /** Mounts the first free cartridge (the operator's "insert the next one"), or returns null. */
    Cartridge load() throws IOException;
}
