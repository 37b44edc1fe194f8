package org.rmt411.server.tape;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import org.rmt411.protocol.MtStatus;
import org.rmt411.server.device.Device;
import org.rmt411.server.device.Payload;

/** A tape drive behind an rmt session: the {@link Device} face of {@link TapeDrive}. */
final class TapeDevice implements Device {
    private final TapeDrive drive;
    private final DriveLease lease;

    TapeDevice(TapeDrive drive, DriveLease lease) {
        this.drive = drive;
        this.lease = lease;
    }

    @Override
    public void read(long count, ReadReply reply) throws IOException {
        List<TapeObject> records = drive.read(count);
        long total = 0;
        for (TapeObject record : records) {
            total += record.length();
        }
        WritableByteChannel out = reply.begin(total);
        for (TapeObject record : records) {
            drive.cartridge().image().copyData(record, out);
        }
    }

    @Override
    public void write(Payload data) throws IOException {
        drive.write(data);
    }

    /** st's lseek is {@code noop_llseek}: it answers 0 and the tape does not move. */
    @Override
    public long seek(long offset, int whence) {
        return 0;
    }

    @Override
    public long ioctl(int op, int count) throws IOException {
        return drive.ioctl(op, count);
    }

    @Override
    public long headroom() throws IOException {
        return drive.headroom();
    }

    @Override
    public long recordsAhead() throws IOException {
        return drive.recordsAhead();
    }

    @Override
    public MtStatus status() {
        return drive.status();
    }

    @Override
    public long filemarksWritten() {
        return drive.marksWritten();
    }

    @Override
    public void close() throws IOException {
        try {
            drive.close();
        } finally {
            try {
                lease.write(drive.state());
            } finally {
                lease.close();
            }
        }
    }
}
