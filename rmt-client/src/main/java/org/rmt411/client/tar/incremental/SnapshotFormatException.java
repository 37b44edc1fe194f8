package org.rmt411.client.tar.incremental;

import java.io.IOException;

/** A snapshot file that is not GNU tar's format 2; the message names the file and the place. */
public final class SnapshotFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    SnapshotFormatException(String message) {
        super(message);
    }
}
