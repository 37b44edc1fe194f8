package org.rmt411.client.tar.incremental;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a format 2 snapshot file as GNU tar's {@code read_incr_db_2} does, with its checks and
 * its messages: numbers are decimal digits ended by a NUL and within their field's range, a
 * record ends with an empty entry and a NUL. Errors name the file and the byte offset (the line,
 * for the header), as GNU tar's do.
 */
final class SnapshotReader {
    private static final BigInteger MIN_64 = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

    private final String file;
    private final byte[] data;
    private int pos;

    SnapshotReader(String file, byte[] data) {
        this.file = file;
        this.data = data;
    }

    SnapshotFile read() throws SnapshotFormatException {
        header();
        Instant started = timestamp("timestamp");
        List<SnapshotFile.Folder> folders = new ArrayList<>();
        while (pos < data.length) {
            BigInteger nfs = number("nfs", BigInteger.ZERO, BigInteger.ONE);
            Instant mtime = timestamp("mtime");
            long device = number("dev", MIN_64, MAX_U64).longValue();
            long inode = number("ino", MIN_64, MAX_U64).longValue();
            String name = string();
            List<Dumpdir.Entry> entries = new ArrayList<>();
            for (String entry = string(); !entry.isEmpty(); entry = string()) {
                entries.add(new Dumpdir.Entry(entry.charAt(0), entry.substring(1)));
            }
            if (pos >= data.length || data[pos] != 0) {
                throw error("byte " + pos + ": missing record terminator");
            }
            pos++;
            folders.add(new SnapshotFile.Folder(nfs.signum() != 0, mtime, device, inode, name, new Dumpdir(entries)));
        }
        return new SnapshotFile(started, folders);
    }

    /** The first line, {@code GNU tar-VERSION-2}; GNU tar's formats 0 and 1 are not read. */
    private void header() throws SnapshotFormatException {
        int newline = indexOf((byte) '\n', 0);
        if (newline < 0) {
            throw error("line 1: no header line (expected '" + SnapshotFile.HEADER + "')");
        }
        String line = new String(data, 0, newline, StandardCharsets.UTF_8);
        if (!line.startsWith("GNU tar-")) {
            throw error("line 1: not a GNU tar snapshot file of format 2 (found '" + printable(line)
                    + "'; formats 0 and 1, from GNU tar before 1.20, are not read: make a level 0 dump)");
        }
        int dash = line.indexOf('-', "GNU tar-".length());
        String version = dash < 0 ? "" : line.substring(dash + 1);
        if (!version.equals("2")) {
            throw error("line 1: unsupported incremental format version '" + printable(version) + "' (expected 2)");
        }
        pos = newline + 1;
    }

    private Instant timestamp(String field) throws SnapshotFormatException {
        long seconds = number(field + " seconds", MIN_64, BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        long nanos = number(field + " nanoseconds", BigInteger.ZERO, BILLION.subtract(BigInteger.ONE)).longValue();
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private BigInteger number(String field, BigInteger min, BigInteger max) throws SnapshotFormatException {
        int start = pos;
        int end = start;
        if (end < data.length && data[end] == '-') {
            end++;
        }
        while (end < data.length && data[end] >= '0' && data[end] <= '9') {
            end++;
        }
        String digits = new String(data, start, end - start, StandardCharsets.US_ASCII);
        if (end >= data.length) {
            throw error("byte " + end + ": unexpected end of file in " + field);
        }
        if (data[end] != 0) {
            throw error(String.format("byte %d: %s '%s' followed by invalid byte 0x%02x", end, field, digits,
                    data[end] & 0xff));
        }
        if (digits.isEmpty() || digits.equals("-")) {
            throw error("byte " + start + ": " + field + " is empty");
        }
        BigInteger value = new BigInteger(digits);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw error("byte " + start + ": " + field + " " + digits + " out of range " + min + ".." + max);
        }
        pos = end + 1;
        return value;
    }

    private String string() throws SnapshotFormatException {
        int end = indexOf((byte) 0, pos);
        if (end < 0) {
            throw error("byte " + data.length + ": unexpected end of file in a folder record");
        }
        String text = new String(data, pos, end - pos, StandardCharsets.UTF_8);
        pos = end + 1;
        return text;
    }

    private int indexOf(byte b, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private SnapshotFormatException error(String what) {
        return new SnapshotFormatException(file + ": " + what);
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.replaceAll("[\\p{Cntrl}]", "?");
    }
}
