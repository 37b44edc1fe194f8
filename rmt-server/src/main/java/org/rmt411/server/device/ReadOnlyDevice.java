package org.rmt411.server.device;

import java.io.IOException;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.RmtException;

/**
 * A device an access rule granted for reading only, though the client opened it {@code O_RDWR}.
 * It was opened {@code O_RDONLY}, so {@code W} fails as the device answers (a tape: EACCES, as
 * st; a file: EBADF). Tape operations that write without a {@code W} — filemarks and erase —
 * would pass a drive's own checks on some devices, so they are refused here with {@code E13},
 * the answer of every refusal by a rule.
 */
public final class ReadOnlyDevice implements Device {
    private final Device device;

    ReadOnlyDevice(Device device) {
        this.device = device;
    }

    @Override
    public void read(long count, ReadReply reply) throws IOException {
        device.read(count, reply);
    }

    @Override
    public void write(Payload data) throws IOException {
        device.write(data);
    }

    /** Reading ahead changes nothing on the tape, so a read-only open may ask. */
    @Override
    public long recordsAhead() throws IOException {
        return device.recordsAhead();
    }

    @Override
    public long seek(long offset, int whence) throws IOException {
        return device.seek(offset, whence);
    }

    @Override
    public long ioctl(int op, int count) throws IOException {
        if (op == MtOp.MTWEOF || op == MtOp.MTWEOFI || op == MtOp.MTERASE) {
            throw new RmtException(Errno.EACCES);
        }
        return device.ioctl(op, count);
    }

    @Override
    public MtStatus status() throws IOException {
        return device.status();
    }

    @Override
    public long filemarksWritten() {
        return device.filemarksWritten();
    }

    @Override
    public void close() throws IOException {
        device.close();
    }
}
