package org.rmt411.client;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.rmt411.client.transport.RmtTransport;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.RmtException;
import org.rmt411.protocol.RmtProtocolException;
import org.rmt411.protocol.RmtReply;
import org.rmt411.protocol.RmtReplyDecoder;
import org.rmt411.protocol.RmtRequestEncoder;

/**
 * One open remote tape or file: the rmt operations open, read, write, seek, ioctl, status and
 * close over a {@link RmtTransport}, in the spirit of a Commons Net client.
 *
 * <p>The server is never trusted: a count above what was asked, a negative count, a reply line
 * over {@value RmtReplyDecoder#MAX_REPLY_LINE} bytes, garbage, silence past the transport's
 * timeout or more bytes than any expected reply all end in an {@link RmtException} and drop the
 * connection; no allocation is sized by a server's number (the CVE-2010-0624 class). An
 * {@code E} reply becomes a {@link RemoteTapeException} and the session stays usable.
 *
 * <p>Writes are pipelined: up to {@link RmtDialect#writeWindow()} {@code W} requests are in
 * flight, their replies read in order; an error reply for any of them is thrown by the next call
 * or by {@link #close()}. The transport is closed after {@code C}, because GNU rmt exits there.
 * Not thread safe.
 */
public final class RemoteTape implements Closeable {
    /** Largest {@code S} payload read (a Linux struct mtget is 48 bytes). */
    static final int MAX_STATUS_BYTES = 4096;

    private final RmtTransport transport;
    private final RmtDialect dialect;
    private final String device;
    private final RmtRequestEncoder encoder;
    private final RmtReplyDecoder decoder;
    private final ReplyBudget budget;
    private final WritePipeline writes;
    private final StatusReader statusReader;
    private ReadAhead readAhead;
    private boolean broken;
    private boolean closed;

    private RemoteTape(RmtTransport transport, String device, RmtDialect dialect) {
        this.transport = transport;
        this.dialect = dialect;
        this.device = device;
        this.encoder = new RmtRequestEncoder(transport.output());
        this.budget = new ReplyBudget(transport.input());
        this.decoder = new RmtReplyDecoder(budget);
        this.statusReader = new StatusReader(this);
        this.writes = new WritePipeline(this, dialect.writeWindow());
    }

    /**
     * Opens {@code device} with Linux {@code flags} ({@link org.rmt411.protocol.OpenFlags}) over a
     * fresh transport; the transport is closed again if the open fails.
     */
    public static RemoteTape open(RmtTransport.Factory factory, String device, int flags, RmtDialect dialect)
            throws IOException {
        RmtTransport transport = factory.connect();
        try {
            return open(transport, device, flags, dialect);
        } catch (IOException | RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    /** Opens {@code device} on an already connected transport, which the tape then owns. */
    public static RemoteTape open(RmtTransport transport, String device, int flags, RmtDialect dialect)
            throws IOException {
        RemoteTape tape = new RemoteTape(transport, device, dialect);
        tape.encoder.open(device, flags);
        tape.send();
        tape.nonNegative("open " + device, tape.reply("open " + device, 0));
        return tape;
    }

    /** The device or file name that was opened. */
    public String device() {
        return device;
    }

    /** The dialect in use. */
    public RmtDialect dialect() {
        return dialect;
    }

    /** What the transport reaches. */
    public String describe() {
        return transport.describe();
    }

    /**
     * Reads one record: at most {@code len} bytes, as a single {@code R}.
     *
     * @return the bytes read; 0 at a filemark or end of file (not an error in rmt)
     */
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (readAhead != null) {
            ensureUsable();
            writes.drain();
            return readAhead.read(b, off, len);
        }
        begin();
        encoder.read(len);
        send();
        long n = reply("read " + len, len);
        if (n < 0 || n > len) {
            throw broken(new RmtProtocolException("server answered a read of " + len + " bytes with "
                    + n + " bytes: refusing (the CVE-2010-0624 class)"));
        }
        try {
            decoder.readPayload(b, off, (int) n);
        } catch (IOException e) {
            throw broken(e);
        }
        return (int) n;
    }

    /**
     * Keeps several {@code R} in flight from now on. Only for a plain file (see {@link ReadAhead}):
     * on a tape a read ahead past a filemark would move into the next file.
     */
    public void readAheadOnPlainFile() {
        if (readAhead == null) {
            readAhead = new ReadAhead(this, null);
        }
    }

    /**
     * Keeps several {@code R} in flight on a tape, never past the filemark a one-at-a-time reader
     * would stop at: asks rmt411's records-ahead extension ({@link org.rmt411.protocol.RecordsAhead})
     * and reads one at a time when the server does not answer it (see {@link ReadAhead}).
     *
     * @param blockSize the drive's block size from its status, 0 in variable-block mode
     */
    public void readAheadOnTape(int blockSize) {
        if (readAhead == null) {
            readAhead = new ReadAhead(this, new RecordBudget(this, blockSize));
        }
    }

    /**
     * Writes one record of {@code len} (≥ 1) bytes as a single {@code W}. The reply may be
     * collected later (pipelining); a failure then surfaces at a later call or at close.
     */
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            // W0 makes dump's rmt exit without a reply and GNU rmt answer a stale errno.
            throw new IllegalArgumentException("an rmt write needs at least one byte");
        }
        ensureUsable();
        settleReads();
        writes.write(encoder, b, off, len);
    }

    /** How this session's writes have been answered so far (replies not yet read are not counted). */
    public WriteTally writeTally() {
        return writes.tally();
    }

    /** Waits for every pipelined write and throws the first error among them. */
    public void flush() throws IOException {
        ensureUsable();
        writes.drain();
    }

    /**
     * {@code L}: seeks like lseek(2) in the dialect's argument order.
     *
     * @return the new position the server reports
     */
    public long seek(long offset, int whence) throws IOException {
        begin();
        encoder.seek(offset, whence, dialect.seekOrder());
        send();
        return nonNegative("seek", reply("seek " + offset + " whence " + whence, 0));
    }

    /**
     * {@code I}: one MTIOCTOP with a Linux op number ({@link org.rmt411.protocol.MtOp}). After an
     * RMT V1 handshake the op is sent in the portable numbering (or as {@code i} for RETEN,
     * ERASE and EOM), because V1 servers translate.
     *
     * @return the server's value (GNU rmt answers 0, BSD servers echo the count)
     */
    public long ioctl(int op, int count) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("negative ioctl count " + count); // as dump's client
        }
        begin();
        statusReader.encodeIoctl(encoder, op, count);
        send();
        return nonNegative("ioctl", reply("ioctl op " + op + " count " + count, 0));
    }

    /** The drive status, asked as the dialect says ({@link RmtDialect.StatusRequest}). */
    public MtStatus status() throws IOException {
        begin();
        return statusReader.status(dialect.status());
    }

    /**
     * Sends {@code C} after collecting every pipelined write, then closes the transport (GNU rmt
     * exits after {@code C}, so the session is never reused). Throws the first write error or the
     * close error, if any.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!broken) {
                closeSession();
            }
        } finally {
            transport.close();
        }
    }

    private void closeSession() throws IOException {
        RmtException first = null;
        try {
            if (readAhead != null) {
                readAhead.settle(false); // a file's offset no longer matters; a tape is spaced back
            }
            writes.drain();
        } catch (RmtException e) {
            first = e;
        }
        if (!broken) {
            encoder.close();
            send();
            try {
                reply("close " + device, 0);
            } catch (RmtException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    // ---- plumbing shared with StatusReader and ReadAhead ----

    /** Reads in flight ahead of the reader, 0 without read-ahead (tests check the cap with it). */
    int readsInFlight() {
        return readAhead == null ? 0 : readAhead.inFlight();
    }

    /** {@code I-412}: data records before the next filemark; nothing may be in flight. */
    long recordsAhead() throws IOException {
        encoder.recordsAheadQuery();
        send();
        return nonNegative("records ahead", reply("records-ahead query", 0));
    }

    /** MTBSR over {@code count} records read ahead; nothing may be in flight. */
    void spaceBackRecords(int count) throws IOException {
        statusReader.encodeIoctl(encoder, org.rmt411.protocol.MtOp.MTBSR, count);
        send();
        nonNegative("space back over read-ahead", reply("space back " + count + " records", 0));
    }

    RmtRequestEncoder encoder() {
        return encoder;
    }

    RmtReplyDecoder decoder() {
        return decoder;
    }

    /** Flushes the encoder; a failure breaks the session. */
    void send() throws IOException {
        try {
            encoder.flush();
        } catch (IOException e) {
            throw broken(e);
        }
    }

    /**
     * Reads one reply allowing {@code payload} data bytes: the value of an {@code A}, or a
     * {@link RemoteTapeException} for {@code E}; an {@code F} also drops the connection.
     */
    long reply(String operation, long payload) throws IOException {
        budget.expect(payload);
        transport.replyStarts();
        RmtReply reply;
        try {
            reply = decoder.next();
        } catch (IOException e) {
            throw broken(e);
        }
        if (reply instanceof RmtReply.Failure) {
            RmtReply.Failure failure = (RmtReply.Failure) reply;
            RemoteTapeException e = new RemoteTapeException(transport.describe(), operation, failure.errno(),
                    failure.text());
            throw failure.fatal() ? broken(e) : e;
        }
        return ((RmtReply.Ack) reply).value();
    }

    long nonNegative(String operation, long value) throws IOException {
        if (value < 0) {
            throw broken(new RmtProtocolException(operation + ": server answered A" + value));
        }
        return value;
    }

    boolean isBroken() {
        return broken;
    }

    /** Marks the session unusable, closes the transport and returns the error to throw. */
    RmtException broken(IOException cause) {
        broken = true;
        try {
            transport.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        if (cause instanceof RmtException) {
            return (RmtException) cause;
        }
        // The transports' own timeouts name the server and the limit; the JDK's bare one does not.
        boolean ownTimeout = cause instanceof SocketTimeoutException && cause.getMessage() != null
                && cause.getMessage().contains("--timeout");
        String what = ownTimeout ? cause.getMessage()
                : cause instanceof SocketTimeoutException ? "no reply from the rmt server in time"
                : cause instanceof EOFException ? "the rmt server closed the connection"
                : "connection to the rmt server failed: " + cause.getMessage();
        RmtProtocolException e = new RmtProtocolException(ownTimeout ? what : what + " (" + transport.describe() + ")");
        e.initCause(cause);
        return e;
    }

    private void begin() throws IOException {
        ensureUsable();
        settleReads();
        writes.drain();
    }

    private void settleReads() throws IOException {
        if (readAhead != null) {
            readAhead.settle(true);
        }
    }

    private void ensureUsable() throws IOException {
        if (closed || broken) {
            throw new RmtException(Errno.EBADF.number(), "remote tape " + device + " is "
                    + (broken ? "disconnected after an error" : "closed"));
        }
    }
}
