package org.rmt411.client.volume;

import java.io.IOException;

/**
 * What a {@link VolumeChanger} is told: the same facts GNU tar gives its new-volume script.
 *
 * @param volume the number of the volume wanted, 2 for the first change
 * @param device the device or file the previous volume was on
 * @param subcommand what is being done, as GNU tar's {@code TAR_SUBCOMMAND}
 * @param blockingFactor 512-byte blocks per record
 * @param drive the remote drive, for changers that move cartridges themselves
 */
public record VolumeRequest(int volume, String device, Subcommand subcommand, int blockingFactor,
        Drive drive) {

    /** The operation, named by GNU tar's option letter. */
    public enum Subcommand {
        CREATE("-c"), LIST("-t"), EXTRACT("-x");

        private final String option;

        Subcommand(String option) {
            this.option = option;
        }

        /** {@code -c}, {@code -t} or {@code -x}, as GNU tar sets {@code TAR_SUBCOMMAND}. */
        public String option() {
            return option;
        }
    }

    /** The drive the volumes are on. */
    @FunctionalInterface
    public interface Drive {
        /** Rewinds and unloads the cartridge ({@code MTOFFL}) in a session of its own. */
        void unload() throws IOException;
    }
}
