package org.rmt411.client.volume;

import java.util.Objects;

/** Whether an archive is one volume or a set that continues on the next volume at end of tape. */
public sealed interface Volumes permits Volumes.Single, Volumes.Multi {
    /** The archive is one volume: end of tape is an error. */
    Volumes SINGLE = new Single();

    /** A multi-volume archive ({@code -M}); {@code changer} makes each next volume ready. */
    static Volumes multi(VolumeChanger changer) {
        return new Multi(changer);
    }

    /** True for a multi-volume set. */
    default boolean isMulti() {
        return this instanceof Multi;
    }

    /** One volume. */
    record Single() implements Volumes {
    }

    /**
     * A set of volumes.
     *
     * @param changer called at each volume change
     */
    record Multi(VolumeChanger changer) implements Volumes {
        public Multi {
            Objects.requireNonNull(changer, "changer");
        }
    }
}
