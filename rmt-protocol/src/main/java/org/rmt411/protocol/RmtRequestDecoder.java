package org.rmt411.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads rmt requests from a byte stream: the one place where request framing lives.
 *
 * <p>Framing follows the line-based GNU reading but tolerates the byte-based BSD habits:
 * {@code S} and {@code s<c>} need no newline (BSD rmt, dump, GNU mt before 2024), and a lone
 * {@code \n} right after them is skipped (GNU clients since 2024 send {@code S⏎}). Lines are
 * capped: device names at {@value #MAX_DEVICE_NAME} bytes ({@code E36}), numeric lines at
 * {@value #MAX_NUMBER_LINE} bytes ({@code E22}); an over-long line is consumed to its newline so
 * the session stays in step. Counts above the maximum record size are rejected here, before any
 * allocation could follow them.
 */
public final class RmtRequestDecoder {
    /** Longest device name accepted, in bytes (PATH_MAX on Linux). */
    public static final int MAX_DEVICE_NAME = 4096;
    /** Longest numeric argument line accepted, in bytes (GNU clients use a 64-byte buffer). */
    public static final int MAX_NUMBER_LINE = 64;
    /** Longest open-flags line accepted: room for every symbolic flag name joined by '|'. */
    public static final int MAX_FLAGS_LINE = 512;
    /** Default largest record: 16 MiB − 1, the SIMH and SCSI limit. */
    public static final int DEFAULT_MAX_RECORD = 16 * 1024 * 1024 - 1;
    /** Read buffer size: W payloads up to this size are handed over without copying. */
    public static final int VIEW_BUFFER = 256 * 1024;

    private final WireInput in;
    private final long maxRecord;
    private boolean afterUnterminatedStatus;

    /** A decoder with the default maximum record size. */
    public RmtRequestDecoder(InputStream in) {
        this(in, DEFAULT_MAX_RECORD);
    }

    /** A decoder rejecting R and W counts above {@code maxRecord} bytes. */
    public RmtRequestDecoder(InputStream in, long maxRecord) {
        this(WireInput.channelOf(in), maxRecord);
    }

    /**
     * A decoder reading a channel into a direct buffer, so that W payloads up to
     * {@value #VIEW_BUFFER} bytes reach the device without a copy (see {@link #payloadView}).
     */
    public RmtRequestDecoder(ReadableByteChannel in, long maxRecord) {
        this.in = new WireInput(in, ByteBuffer.allocateDirect(VIEW_BUFFER));
        this.maxRecord = maxRecord;
    }

    /**
     * Decodes the next request.
     *
     * @return the request, a {@link RmtRequest.Rejected} verdict, or {@code null} at end of input
     *     on a request boundary
     * @throws EOFException if input ends inside a request
     */
    public RmtRequest next() throws IOException {
        int c = in.read();
        if (c == '\n' && afterUnterminatedStatus) {
            // GNU mt/tar since 2024 terminate S with a newline; BSD-era clients do not.
            c = in.read();
        }
        afterUnterminatedStatus = false;
        if (c < 0) {
            return null;
        }
        switch (c) {
            case 'O':
                return open();
            case 'C':
                return new RmtRequest.Close(nonNull(in.readLine(MAX_DEVICE_NAME)));
            case 'L':
                return seek();
            case 'R':
                return count(false);
            case 'W':
                return count(true);
            case 'I':
            case 'i':
                return ioctl((char) c);
            case 'S':
                afterUnterminatedStatus = true;
                return new RmtRequest.Status();
            case 's':
                return statusField();
            case 'v':
            case 'V':
                return new RmtRequest.Version((char) c, nonNull(in.readLine(MAX_NUMBER_LINE)));
            default:
                // GNU rmt's answer; BSD and dump rmt exit silently, which helps nobody.
                return new RmtRequest.Rejected(Errno.EINVAL, "Garbage command", true);
        }
    }

    /**
     * Runs {@code action} before every read that may block. A server passes its reply flush:
     * replies then go out before the server waits for input, and a client that pipelines
     * several requests gets their replies in one write instead of one each.
     */
    public void beforeBlockingRead(java.io.Flushable action) {
        in.beforeBlocking(action);
    }

    /**
     * Reads up to {@code len} bytes of a W payload.
     *
     * @return bytes read; fewer than {@code len} only when input ended
     */
    public int readPayload(byte[] dst, int off, int len) throws IOException {
        return in.readFully(dst, off, len);
    }

    /**
     * The next {@code len} payload bytes as a view of the read buffer, valid until the next call
     * to this decoder; the view holds fewer bytes only when input ended.
     *
     * @return the view, or {@code null} if {@code len} is too large for the buffer (then use
     *     {@link #readPayload})
     */
    public ByteBuffer payloadView(int len) throws IOException {
        return in.view(len);
    }

    private RmtRequest open() throws IOException {
        String device = in.readLine(MAX_DEVICE_NAME);
        String flags = in.readLine(MAX_FLAGS_LINE);
        if (device == WireInput.OVERLONG) {
            return new RmtRequest.Rejected(Errno.ENAMETOOLONG, Errno.ENAMETOOLONG.text(), false);
        }
        if (flags == WireInput.OVERLONG) {
            return new RmtRequest.Rejected(Errno.EINVAL, OpenFlags.INVALID_TEXT, false);
        }
        return new RmtRequest.Open(device, flags);
    }

    private RmtRequest seek() throws IOException {
        String first = in.readLine(MAX_NUMBER_LINE);
        String second = in.readLine(MAX_NUMBER_LINE);
        if (first == WireInput.OVERLONG || second == WireInput.OVERLONG) {
            return new RmtRequest.Rejected(Errno.EINVAL, "Invalid seek offset", false);
        }
        return new RmtRequest.Seek(first, second);
    }

    /**
     * An R or W request from its count line. A refused W is fatal: the payload of a W whose
     * length we doubt cannot be skipped safely (GNU rmt would instead parse it as commands).
     */
    private RmtRequest count(boolean write) throws IOException {
        long value = in.tryReadPlainCount();
        String problem = null;
        if (value < 0) {
            String line = in.readLine(MAX_NUMBER_LINE);
            problem = countProblem(line);
            value = problem == null ? WireNumbers.parse(line) : -1;
        } else if (value > maxRecord) {
            problem = "Byte count out of range";
        }
        if (problem != null) {
            return new RmtRequest.Rejected(Errno.EINVAL, problem, write);
        }
        return write ? new RmtRequest.Write(value) : new RmtRequest.Read(value);
    }

    private String countProblem(String line) {
        if (line == WireInput.OVERLONG) {
            return "Invalid byte count";
        }
        long count;
        try {
            count = WireNumbers.parse(line);
        } catch (NumberFormatException e) {
            // Digits that overflow a long are a range problem, as GNU rmt reports them.
            return line.strip().matches("[+-]?[0-9]+") ? "Byte count out of range" : "Invalid byte count";
        }
        if (count < 0 || count > maxRecord) {
            return "Byte count out of range";
        }
        return null;
    }

    private RmtRequest ioctl(char letter) throws IOException {
        String opLine = in.readLine(MAX_NUMBER_LINE);
        String countLine = in.readLine(MAX_NUMBER_LINE);
        long op;
        long count;
        try {
            op = WireNumbers.parse(opLine);
        } catch (NumberFormatException e) {
            return new RmtRequest.Rejected(Errno.EINVAL, "Invalid operation code", false);
        }
        try {
            count = WireNumbers.parse(countLine);
        } catch (NumberFormatException e) {
            return new RmtRequest.Rejected(Errno.EINVAL, "Invalid byte count", false);
        }
        // struct mtop holds a short op and an int count.
        if (op < Short.MIN_VALUE || op > Short.MAX_VALUE) {
            return new RmtRequest.Rejected(Errno.EINVAL, "Invalid operation code", false);
        }
        if (count < Integer.MIN_VALUE || count > Integer.MAX_VALUE) {
            return new RmtRequest.Rejected(Errno.EINVAL, "Byte count out of range", false);
        }
        return letter == 'I'
                ? new RmtRequest.Ioctl((int) op, (int) count)
                : new RmtRequest.ExtendedIoctl((int) op, (int) count);
    }

    private RmtRequest statusField() throws IOException {
        int field = in.read();
        if (field < 0) {
            throw new EOFException("end of input inside an s request");
        }
        afterUnterminatedStatus = true;
        return new RmtRequest.StatusField((char) field);
    }

    private static String nonNull(String line) {
        return line == WireInput.OVERLONG ? "" : line;
    }
}
