package org.rmt411.server.session;

import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.RmtException;
import org.rmt411.protocol.RmtReplyEncoder;
import org.rmt411.protocol.RmtRequest;
import org.rmt411.protocol.RmtRequestDecoder;
import org.rmt411.protocol.SeekResolver;
import org.rmt411.server.device.Device;
import org.rmt411.server.device.DeviceNamespace;
import org.rmt411.server.device.ErrnoMapper;
import org.rmt411.server.device.PayloadCutShortException;
import org.rmt411.server.device.ReadOnlyDevice;

/**
 * One rmt conversation: reads requests from an InputStream, answers on an OutputStream, and knows
 * nothing about sockets, so TCP, stdio, inetd and in-memory pipes all run the same code.
 *
 * <p>Session rules that differ between the historical servers, with the client each choice
 * serves, are in {@code docs/protocol.md}; the essentials: {@code C} does not end the session
 * (dump closes and re-opens on one connection), every request gets exactly one reply, flushed
 * before the session next waits for input, and end of input closes the device quietly.
 */
public final class RmtSession implements Runnable {
    private static final System.Logger LOG = System.getLogger(RmtSession.class.getName());

    private final RmtRequestDecoder decoder;
    private final RmtReplyEncoder encoder;
    private final DeviceNamespace namespace;
    private final SeekResolver seeks;
    private final TraceLines trace;
    // Checked before building any trace text: the hot R/W path must not concatenate strings.
    private final boolean tracing;
    private final Peer peer;
    private final StreamedPayload payload;
    private final IdleWatch idle;
    private final SessionAudit audit;
    private Device device;
    private boolean rmtV1;
    private final ReadableByteChannel input;
    private volatile boolean stopping;
    private SessionAudit.End end = SessionAudit.End.EOF;
    private int endErrno;
    private String endReason;

    /** Where a device writes R data: each write goes out gathered with the pending A line. */
    private final WritableByteChannel payloadChannel = new WritableByteChannel() {
        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = src.remaining();
            encoder.payload(src);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
            // The connection outlives any one reply.
        }
    };

    /**
     * A session reading requests from {@code in} and writing replies to {@code out}.
     *
     * @param peer how logs, traces and the audit line name the other end
     */
    public RmtSession(ReadableByteChannel in, WritableByteChannel out, DeviceNamespace namespace,
            SessionOptions options, Peer peer) {
        this.input = in;
        this.idle = options.idleTimeout().isZero() ? null : IdleWatch.start(options.idleTimeout(), in, out);
        this.decoder = new RmtRequestDecoder(idle == null ? in : idle.input(), options.maxRecord());
        this.encoder = new RmtReplyEncoder(idle == null ? out : idle.output());
        this.namespace = namespace;
        this.seeks = new SeekResolver(options.seekOrder());
        this.tracing = options.trace() != TraceLevel.OFF;
        this.trace = new TraceLines(tracing ? Trace.of(peer.address()) : Trace.OFF, options.trace());
        this.peer = peer;
        this.audit = new SessionAudit(peer);
        this.payload = new StreamedPayload(decoder);
        // Replies go out whenever the session is about to wait for input: at once for a client
        // that waits for each reply (tar, cpio, mt, dump), in one write for a pipelining one.
        decoder.beforeBlockingRead(encoder::flush);
    }

    /** Serves requests until end of input, a fatal request or a broken connection. */
    @Override
    public void run() {
        ActiveSessions.add(this);
        try {
            RmtRequest request;
            while ((request = decoder.next()) != null) {
                if (!serve(request)) {
                    break;
                }
            }
            if (tracing) trace.line("end of input");
        } catch (EOFException e) {
            if (tracing) trace.line("end of input inside a request");
            ended(SessionAudit.End.ERROR, 0, "end of input inside a request");
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "session " + peer + " ended: " + e);
            if (!stopping) {
                ended(SessionAudit.End.ERROR, 0, String.valueOf(e.getMessage()));
            }
        } finally {
            flushQuietly();
            if (end == SessionAudit.End.EOF && device == null) {
                end = SessionAudit.End.CLOSE;
            }
            closeQuietly();
            if (idle != null) {
                idle.stop();
                if (idle.expired()) {
                    ended(SessionAudit.End.IDLE, 0, null);
                }
            }
            if (stopping) {
                ended(SessionAudit.End.SHUTDOWN, 0, null);
            }
            audit.end(end, endErrno, endReason);
            ActiveSessions.remove(this);
        }
    }

    /** Ends the session as if its input had ended: the server is stopping (SIGTERM). */
    void stop() {
        stopping = true;
        ActiveSessions.shutInput(input);
    }

    /** Records why the session ends; the first reason wins, except that silence or a stop explains all. */
    private void ended(SessionAudit.End why, int errno, String reason) {
        if (end == SessionAudit.End.EOF || why == SessionAudit.End.IDLE || why == SessionAudit.End.SHUTDOWN) {
            end = why;
            endErrno = errno;
            endReason = reason;
        }
    }

    /** Answers one request; false when the connection must close after it. */
    private boolean serve(RmtRequest request) throws IOException {
        boolean keepGoing = true;
        try {
            keepGoing = dispatch(request);
        } catch (PayloadCutShortException e) {
            reply(new RmtException(Errno.EIO, "Premature eof"));
            ended(SessionAudit.End.ERROR, Errno.EIO.number(), e.getMessage());
            return false;
        } catch (ReplyStartedException e) {
            LOG.log(Level.WARNING, "device failed in the middle of a read reply; closing " + peer, e.getCause());
            ended(SessionAudit.End.ERROR, 0, "device failed inside a read reply: " + e.getCause());
            return false;
        } catch (IOException | RuntimeException e) {
            reply(ErrnoMapper.toRmt(e));
        }
        return keepGoing;
    }

    private boolean dispatch(RmtRequest request) throws IOException {
        if (tracing) trace.request(request);
        if (request instanceof RmtRequest.Open) {
            open((RmtRequest.Open) request);
        } else if (request instanceof RmtRequest.Close) {
            Device closing = requireDevice();
            device = null;
            closeCounted(closing);
            ack(0);
        } else if (request instanceof RmtRequest.Seek) {
            RmtRequest.Seek seek = (RmtRequest.Seek) request;
            Device open = requireDevice();
            SeekResolver.Resolved resolved = seeks.resolve(seek);
            if (tracing) trace.seek(seek, resolved, seeks);
            ack(open.seek(resolved.offset(), resolved.whence()));
        } else if (request instanceof RmtRequest.Read) {
            read(((RmtRequest.Read) request).count());
        } else if (request instanceof RmtRequest.Write) {
            write(((RmtRequest.Write) request).count());
        } else if (request instanceof RmtRequest.Ioctl) {
            ioctl((RmtRequest.Ioctl) request);
        } else if (request instanceof RmtRequest.ExtendedIoctl) {
            RmtRequest.ExtendedIoctl ext = (RmtRequest.ExtendedIoctl) request;
            mtioctop(MtOp.fromExtended(ext.op()), ext.count());
        } else if (request instanceof RmtRequest.Status) {
            byte[] raw = requireDevice().status().toLinuxBytes();
            ack(raw.length);
            encoder.payload(raw, 0, raw.length);
        } else if (request instanceof RmtRequest.StatusField) {
            char field = ((RmtRequest.StatusField) request).field();
            MtStatus status = requireDevice().status();
            ack(status.field(field));
        } else if (request instanceof RmtRequest.Version) {
            RmtRequest.Version version = (RmtRequest.Version) request;
            // Schily's lowercase v answers 1; FreeBSD's and dump's uppercase V answers 2.
            ack(version.letter() == 'v' ? 1 : 2);
        } else {
            RmtRequest.Rejected rejected = (RmtRequest.Rejected) request;
            reply(new RmtException(rejected.errno(), rejected.text()));
            if (rejected.fatal()) {
                ended(SessionAudit.End.ERROR, rejected.errno().number(), rejected.text());
            }
            return !rejected.fatal();
        }
        return true;
    }

    private void open(RmtRequest.Open open) throws IOException {
        int flags;
        try {
            flags = OpenFlags.parse(open.flags());
        } catch (IllegalArgumentException e) {
            // GNU rmt keeps the previous device open when the flags are bad (g40).
            throw new RmtException(Errno.EINVAL, OpenFlags.INVALID_TEXT);
        }
        closeQuietly();
        try {
            device = namespace.open(open.device(), flags, PeerIdentity.of(peer));
        } catch (IOException | RuntimeException e) {
            audit.refused(open.device(), ErrnoMapper.toRmt(e).errno());
            throw e;
        }
        // The audit records what was granted: an O_RDWR open a rule made read-only reads "r".
        audit.opened(open.device(), device instanceof ReadOnlyDevice ? flags & ~OpenFlags.O_ACCMODE : flags);
        ack(0);
    }

    private void read(long count) throws IOException {
        Device open = requireDevice();
        boolean[] started = {false};
        try {
            open.read(count, length -> {
                started[0] = true;
                ack(length);
                if (length > 0) {
                    audit.recordsRead++;
                    audit.bytesRead += length;
                }
                return payloadChannel;
            });
        } catch (IOException | RuntimeException e) {
            if (started[0]) {
                throw new ReplyStartedException(e);
            }
            throw e;
        }
    }

    private void write(long count) throws IOException {
        StreamedPayload data = payload.start(count);
        try {
            requireDevice().write(data);
        } catch (PayloadCutShortException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A refused W still has its payload on the wire: skip it so the stream stays in step.
            data.discardRest();
            throw e;
        }
        data.discardRest(); // a device that took less than all has still answered for all
        if (count > 0) {
            audit.recordsWritten++;
            audit.bytesWritten += count;
        }
        ack(count);
    }

    private void ioctl(RmtRequest.Ioctl ioctl) throws IOException {
        if (ioctl.isVersionHandshake()) {
            // RMT V1 (Sun, star, dump): from now on ops 0-7 use the portable numbering.
            rmtV1 = true;
            ack(1);
            return;
        }
        if (ioctl.isHeadroomQuery()) {
            // rmt411's own extension (docs/protocol.md), asked by rmt411 bridge --write-behind.
            ack(requireDevice().headroom());
            return;
        }
        if (ioctl.isRecordsAheadQuery()) {
            // rmt411's own extension (docs/protocol.md), asked by rmt411 list/restore on a tape.
            ack(requireDevice().recordsAhead());
            return;
        }
        mtioctop(rmtV1 ? MtOp.fromPortable(ioctl.op()) : ioctl.op(), ioctl.count());
    }

    private void mtioctop(int linuxOp, int count) throws IOException {
        Device open = requireDevice();
        if (linuxOp < 0) {
            throw new RmtException(Errno.EINVAL);
        }
        if (!tracing) {
            ack(open.ioctl(linuxOp, count));
            return;
        }
        trace.before(linuxOp, open);
        long result;
        try {
            result = open.ioctl(linuxOp, count);
        } catch (RmtException e) {
            trace.after(linuxOp, e.errno(), open);
            throw e;
        }
        trace.after(linuxOp, 0, open);
        ack(result);
    }

    private Device requireDevice() throws RmtException {
        if (device == null) {
            throw new RmtException(Errno.EBADF);
        }
        return device;
    }

    private void ack(long value) throws IOException {
        if (tracing) trace.line("  -> A" + value);
        encoder.ack(value);
    }

    private void reply(RmtException e) throws IOException {
        if (tracing) trace.line("  -> E" + e.errno() + " " + e.text());
        encoder.error(e);
    }

    private void flushQuietly() {
        try {
            encoder.flush();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "final flush for " + peer + ": " + e);
        }
    }

    private void closeQuietly() {
        Device closing = device;
        device = null;
        if (closing != null) {
            try {
                closeCounted(closing);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "closing device for " + peer + " failed: " + e);
            }
        }
    }

    /** Closes {@code closing}, counting its filemarks (the one close writes too) for the audit. */
    private void closeCounted(Device closing) throws IOException {
        try {
            closing.close();
        } finally {
            audit.filemarks += closing.filemarksWritten();
        }
    }

    /** A device failed after the A line of a read reply went out; framing is lost. */
    private static final class ReplyStartedException extends IOException {
        private static final long serialVersionUID = 1L;

        ReplyStartedException(Throwable cause) {
            super(cause);
        }
    }
}
