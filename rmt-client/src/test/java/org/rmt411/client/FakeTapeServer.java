package org.rmt411.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.RmtException;
import org.rmt411.protocol.RmtReplyEncoder;
import org.rmt411.protocol.RmtRequest;
import org.rmt411.protocol.RmtRequestDecoder;

/**
 * A scripted tape drive behind an rmt server for tests: one medium of records and filemarks kept
 * across sessions, Linux st rules for the common ops (a filemark on close after writing, BSF lands
 * before the mark, a rewind after writing writes the mark first), RMT V1 handshake and {@code s}
 * fields, and the raw 48-byte {@code S} struct. It records the size of every W it receives.
 */
public final class FakeTapeServer implements AutoCloseable {
    private static final Object FILEMARK = new Object();

    private final ServerSocket listener;
    private final List<Object> medium = new ArrayList<>();
    private final List<Integer> writeSizes = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private int pos;
    private boolean lastWrite;

    public FakeTapeServer() throws IOException {
        listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "fake-tape");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Sizes of all W requests served. */
    public List<Integer> writeSizes() {
        return writeSizes;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept()) {
                // The raw socket stream: the reply encoder's flush() pushes its own buffer, and a
                // buffering stream underneath would hold the reply back.
                serve(new RmtRequestDecoder(s.getInputStream()), new RmtReplyEncoder(s.getOutputStream()));
            } catch (IOException e) {
                // next connection
            }
        }
    }

    private void serve(RmtRequestDecoder decoder, RmtReplyEncoder encoder) throws IOException {
        boolean v1 = false;
        RmtRequest request;
        while ((request = decoder.next()) != null) {
            try {
                if (request instanceof RmtRequest.Ioctl && ((RmtRequest.Ioctl) request).isVersionHandshake()) {
                    v1 = true;
                    encoder.ack(1);
                } else {
                    handle(request, decoder, encoder, v1);
                }
            } catch (RmtException e) {
                encoder.error(e);
            }
            encoder.flush();
        }
    }

    private synchronized void handle(RmtRequest r, RmtRequestDecoder decoder, RmtReplyEncoder encoder, boolean v1)
            throws IOException {
        if (r instanceof RmtRequest.Open) {
            encoder.ack(0);
        } else if (r instanceof RmtRequest.Close) {
            if (lastWrite) {
                writeFilemarks(1);
            }
            encoder.ack(0);
        } else if (r instanceof RmtRequest.Write) {
            byte[] data = new byte[(int) ((RmtRequest.Write) r).count()];
            decoder.readPayload(data, 0, data.length);
            writeSizes.add(data.length);
            truncate();
            medium.add(data);
            pos++;
            lastWrite = true;
            encoder.ack(data.length);
        } else if (r instanceof RmtRequest.Read) {
            read((int) ((RmtRequest.Read) r).count(), encoder);
        } else if (r instanceof RmtRequest.Ioctl) {
            RmtRequest.Ioctl op = (RmtRequest.Ioctl) r;
            encoder.ack(ioctl(v1 ? MtOp.fromPortable(op.op()) : op.op(), op.count()));
        } else if (r instanceof RmtRequest.ExtendedIoctl) {
            RmtRequest.ExtendedIoctl op = (RmtRequest.ExtendedIoctl) r;
            encoder.ack(ioctl(MtOp.fromExtended(op.op()), op.count()));
        } else if (r instanceof RmtRequest.Status) {
            byte[] raw = status().toLinuxBytes();
            encoder.ack(raw.length);
            encoder.payload(raw, 0, raw.length);
        } else if (r instanceof RmtRequest.StatusField) {
            encoder.ack(status().field(((RmtRequest.StatusField) r).field()));
        } else {
            throw new RmtException(Errno.EINVAL);
        }
    }

    private void read(int count, RmtReplyEncoder encoder) throws IOException {
        lastWrite = false;
        if (pos == medium.size()) {
            encoder.ack(0);
            return;
        }
        Object next = medium.get(pos);
        if (next == FILEMARK) {
            pos++;
            encoder.ack(0);
            return;
        }
        byte[] record = (byte[]) next;
        if (record.length > count) {
            throw new RmtException(Errno.ENOMEM); // st in variable mode
        }
        pos++;
        encoder.ack(record.length);
        encoder.payload(record, 0, record.length);
    }

    private long ioctl(int op, int count) throws RmtException {
        if (lastWrite && (op == MtOp.MTREW || op == MtOp.MTOFFL || op == MtOp.MTBSF)) {
            writeFilemarks(1); // st writes the pending filemark before moving back
        }
        lastWrite = false;
        switch (op) {
            case MtOp.MTREW, MtOp.MTOFFL, MtOp.MTRETEN -> pos = 0;
            case MtOp.MTWEOF -> writeFilemarks(count);
            case MtOp.MTEOM -> pos = medium.size();
            case MtOp.MTNOP -> { }
            case MtOp.MTFSF -> {
                for (int i = 0; i < count; i++) {
                    while (pos < medium.size() && medium.get(pos) != FILEMARK) {
                        pos++;
                    }
                    if (pos == medium.size()) {
                        throw new RmtException(Errno.EIO);
                    }
                    pos++;
                }
            }
            case MtOp.MTBSF -> {
                for (int i = 0; i < count; i++) {
                    do {
                        if (pos == 0) {
                            throw new RmtException(Errno.EIO);
                        }
                        pos--;
                    } while (medium.get(pos) != FILEMARK);
                }
            }
            default -> throw new RmtException(Errno.EINVAL);
        }
        return count;
    }

    private void writeFilemarks(int n) {
        truncate();
        for (int i = 0; i < n; i++) {
            medium.add(FILEMARK);
            pos++;
        }
        lastWrite = false;
    }

    private void truncate() {
        medium.subList(pos, medium.size()).clear();
    }

    private MtStatus status() {
        int fileno = 0;
        int blkno = 0;
        for (int i = 0; i < pos; i++) {
            if (medium.get(i) == FILEMARK) {
                fileno++;
                blkno = 0;
            } else {
                blkno++;
            }
        }
        long gstat = MtStatus.GMT_ONLINE | MtStatus.GMT_IM_REP_EN;
        gstat |= pos == 0 ? MtStatus.GMT_BOT : 0;
        gstat |= blkno == 0 && fileno > 0 ? MtStatus.GMT_EOF : 0;
        gstat |= pos == medium.size() ? MtStatus.GMT_EOD : 0;
        return new MtStatus(MtStatus.MT_ISSCSI2, 0, 0, gstat, 0, fileno, blkno);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
