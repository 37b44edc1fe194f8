package org.rmt411.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes rmt requests on the client side: the only class that formats request text. Each method
 * writes one complete request; the caller flushes when it wants the reply.
 */
public final class RmtRequestEncoder {
    private final OutputStream out;
    private final byte[] line = new byte[24];

    /** An encoder writing to {@code out}, which should be buffered. */
    public RmtRequestEncoder(OutputStream out) {
        this.out = out;
    }

    /**
     * {@code O<device>⏎<flags>⏎} with flags in GNU's combined form, which every server family
     * reads (see {@link OpenFlags#toWire}).
     *
     * @throws IllegalArgumentException if the name holds a newline or NUL, which the protocol
     *     cannot carry (GNU rtapelib refuses the same)
     */
    public void open(String device, int flags) throws IOException {
        if (device.indexOf('\n') >= 0 || device.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("device name contains a newline or NUL");
        }
        text('O', device);
        out.write(OpenFlags.toWire(flags).getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
    }

    /** {@code C⏎}. */
    public void close() throws IOException {
        out.write('C');
        out.write('\n');
    }

    /** {@code L} in the given argument order (offset-first unless talking to GNU rmt ≥1.23). */
    public void seek(long offset, int whence, SeekOrder order) throws IOException {
        if (order == SeekOrder.WHENCE_FIRST) {
            number('L', whence);
            number(offset);
        } else {
            number('L', offset);
            number(whence);
        }
    }

    /** {@code R<count>⏎}. */
    public void read(long count) throws IOException {
        number('R', count);
    }

    /** {@code W<len>⏎} followed by the payload. */
    public void write(byte[] data, int off, int len) throws IOException {
        number('W', len);
        out.write(data, off, len);
    }

    /** {@code I<op>⏎<count>⏎}. */
    public void ioctl(int op, int count) throws IOException {
        number('I', op);
        number(count);
    }

    /** {@code i<op>⏎<count>⏎} (RMT V1 extended ops). */
    public void extendedIoctl(int op, int count) throws IOException {
        number('i', op);
        number(count);
    }

    /**
     * {@code S}, with or without a newline: BSD-lineage servers need it bare (a newline kills
     * them), GNU rmt needs the newline (bare S hangs it); rmt411 takes both.
     */
    public void status(boolean newline) throws IOException {
        out.write('S');
        if (newline) {
            out.write('\n');
        }
    }

    /** {@code s<c>} (no newline). */
    public void statusField(char field) throws IOException {
        out.write('s');
        out.write(field);
    }

    /** {@code I-1⏎0⏎}: the RMT V1 handshake; a V1 server answers {@code A1}. */
    public void versionHandshake() throws IOException {
        ioctl(-1, 0);
    }

    /** {@code I-411⏎0⏎}: the rmt411 headroom query ({@link Headroom}). */
    public void headroomQuery() throws IOException {
        ioctl(Headroom.OP, 0);
    }

    /** {@code I-412⏎0⏎}: the rmt411 records-ahead query ({@link RecordsAhead}). */
    public void recordsAheadQuery() throws IOException {
        ioctl(RecordsAhead.OP, 0);
    }

    /** Pushes the buffered requests to the server. */
    public void flush() throws IOException {
        out.flush();
    }

    private void text(char letter, String arg) throws IOException {
        out.write(letter);
        out.write(arg.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private void number(char letter, long value) throws IOException {
        out.write(line, 0, WireNumbers.formatLine(line, letter, value));
    }

    private void number(long value) throws IOException {
        int n = WireNumbers.formatLine(line, ' ', value);
        out.write(line, 1, n - 1);
    }
}
