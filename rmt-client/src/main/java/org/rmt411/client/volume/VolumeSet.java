package org.rmt411.client.volume;

import java.io.Closeable;
import java.io.IOException;
import org.rmt411.client.RemoteTape;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.OpenFlags;

/**
 * The volumes of one multi-volume archive as rmt sessions: the current volume's session, and the
 * change to the next one (close, ask the {@link VolumeChanger}, open again), as GNU tar's
 * {@code new_volume} does.
 */
public final class VolumeSet implements Closeable {
    private final Opener opener;
    private final int flags;
    private final VolumeChanger changer;
    private final VolumeRequest.Subcommand subcommand;
    private final int blockingFactor;
    private String device;
    private RemoteTape current;
    private int volume = 1;

    /** Opens an rmt session on a device. */
    @FunctionalInterface
    public interface Opener {
        RemoteTape open(String device, int flags) throws IOException;
    }

    /**
     * @param flags open flags for every volume ({@code O_WRONLY|O_CREAT|O_TRUNC} to write)
     */
    public VolumeSet(Opener opener, String device, int flags, VolumeChanger changer,
            VolumeRequest.Subcommand subcommand, int blockingFactor) {
        this.opener = opener;
        this.device = device;
        this.flags = flags;
        this.changer = changer;
        this.subcommand = subcommand;
        this.blockingFactor = blockingFactor;
    }

    /** The session on the current volume, opened on first use. */
    RemoteTape current() throws IOException {
        if (current == null) {
            current = opener.open(device, flags);
        }
        return current;
    }

    /** The number of the current volume, from 1. */
    public int volume() {
        return volume;
    }

    /** Ends the current volume (its session closes, so a tape gets its filemark) and opens the next. */
    RemoteTape next() throws IOException {
        closeCurrent();
        String used = device;
        VolumeRequest request = new VolumeRequest(volume + 1, used, subcommand, blockingFactor, () -> unload(used));
        device = changer.prepare(request);
        volume++;
        return current();
    }

    private void unload(String drive) throws IOException {
        try (RemoteTape tape = opener.open(drive, OpenFlags.O_RDONLY)) {
            tape.ioctl(MtOp.MTOFFL, 1);
        }
    }

    private void closeCurrent() throws IOException {
        RemoteTape tape = current;
        current = null;
        if (tape != null) {
            tape.close();
        }
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
    }
}
