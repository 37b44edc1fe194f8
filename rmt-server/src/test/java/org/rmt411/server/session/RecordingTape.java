package org.rmt411.server.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.RmtException;
import org.rmt411.server.device.Device;
import org.rmt411.server.device.DeviceProvider;

/** A stand-in tape at {@code /dev/fake} that records the Linux ops the session hands it. */
final class RecordingTape implements DeviceProvider, Device {
    final List<String> ops = new ArrayList<>();
    final List<Integer> records = new ArrayList<>();
    boolean closed;
    /** How long every ioctl takes: a slow tape operation on the server's side. */
    long ioctlMillis;

    @Override
    public Optional<Device> open(String name, int flags) {
        return name.equals("/dev/fake") ? Optional.of(this) : Optional.empty();
    }

    @Override
    public void read(long count, ReadReply reply) throws IOException {
        if (count < 4) {
            throw new RmtException(Errno.ENOMEM);
        }
        reply.begin(4).write(java.nio.ByteBuffer.wrap(new byte[] {'t', 'a', 'p', 'e'}));
    }

    @Override
    public void write(org.rmt411.server.device.Payload data) throws IOException {
        records.add((int) data.length());
        while (data.remaining() > 0) {
            data.next(Integer.MAX_VALUE);
        }
    }

    @Override
    public long seek(long offset, int whence) {
        return 0;
    }

    @Override
    public long ioctl(int op, int count) throws IOException {
        if (op == 27) {
            throw new RmtException(Errno.ENOSYS);
        }
        ops.add(op + ":" + count);
        if (ioctlMillis > 0) {
            try {
                Thread.sleep(ioctlMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return count;
    }

    @Override
    public MtStatus status() {
        return new MtStatus(MtStatus.MT_ISSCSI2, 0, 0, MtStatus.GMT_ONLINE | MtStatus.GMT_EOF, 0, 2, 0);
    }

    @Override
    public void close() {
        closed = true;
    }
}
