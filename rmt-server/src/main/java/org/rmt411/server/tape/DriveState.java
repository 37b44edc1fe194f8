package org.rmt411.server.tape;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Properties;

/**
 * What a drive remembers between opens, and between processes: a real non-rewinding drive keeps
 * its cartridge and position from one {@code mt} command to the next, and with rsh or ssh every
 * command is a new server process. Kept as a Properties file that is also the drive's lock.
 */
final class DriveState {
    /** Barcode of the loaded cartridge, or {@code null} for an empty drive. */
    String cartridge;
    /** Byte offset in the image. */
    long offset;
    /** Objects (records and marks) before the position: the logical block address. */
    long object;
    /** False after MTSEEK, as st reports file -1. */
    boolean fileKnown = true;
    /** False after MTBSF and similar, as st reports block -1. */
    boolean blockKnown = true;
    /** MTSETBLK: 0 is variable-block mode. */
    int blockSize;
    /** MTSETDENSITY: remembered and reported in mt_dsreg. */
    int density;
    /** MTCOMPRESSION: accepted and reported (the image is never compressed). */
    boolean compression;
    /** MTLOCK / MTUNLOCK: the door lock. */
    boolean locked;
    /** The session holding the drive while one does, for the operator's refusals; else null. */
    DriveHolder holder;

    /** Moves to BOT with file and block numbers known. */
    void rewind() {
        offset = 0;
        object = 0;
        fileKnown = true;
        blockKnown = true;
    }

    /** Reads the state from the start of {@code channel}; an empty file is a drive never used. */
    static DriveState read(FileChannel channel) throws IOException {
        return parse(readAll(channel));
    }

    /** The whole (small) file behind {@code channel}. */
    static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, 1 << 16));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // keep reading: a positional read may return fewer bytes than asked
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** The state in {@code bytes} (a state file's content); null for none, a drive never used. */
    static DriveState parse(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return null;
        }
        DriveState s = new DriveState();
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(bytes));
        try {
            String barcode = p.getProperty("cartridge", "").trim();
            s.cartridge = barcode.isEmpty() ? null : barcode;
            s.offset = Long.parseLong(p.getProperty("offset", "0"));
            s.object = Long.parseLong(p.getProperty("object", "0"));
            s.fileKnown = Boolean.parseBoolean(p.getProperty("fileKnown", "true"));
            s.blockKnown = Boolean.parseBoolean(p.getProperty("blockKnown", "true"));
            s.blockSize = Integer.parseInt(p.getProperty("blockSize", "0"));
            s.density = Integer.parseInt(p.getProperty("density", "0"));
            s.compression = Boolean.parseBoolean(p.getProperty("compression", "false"));
            s.locked = Boolean.parseBoolean(p.getProperty("locked", "false"));
            s.holder = DriveHolder.load(p);
        } catch (NumberFormatException e) {
            throw new IOException("unreadable drive state: " + e.getMessage(), e);
        }
        return s;
    }

    /** Replaces the file's content in place (the file is the lock, so it is not renamed). */
    void write(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(toBytes());
        channel.truncate(0);
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
    }

    /** The state as a state file holds it. */
    byte[] toBytes() throws IOException {
        Properties p = new Properties();
        p.setProperty("cartridge", cartridge == null ? "" : cartridge);
        p.setProperty("offset", Long.toString(offset));
        p.setProperty("object", Long.toString(object));
        p.setProperty("fileKnown", Boolean.toString(fileKnown));
        p.setProperty("blockKnown", Boolean.toString(blockKnown));
        p.setProperty("blockSize", Integer.toString(blockSize));
        p.setProperty("density", Integer.toString(density));
        p.setProperty("compression", Boolean.toString(compression));
        p.setProperty("locked", Boolean.toString(locked));
        if (holder != null) {
            holder.store(p);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.store(bytes, "rmt411 drive state");
        return bytes.toByteArray();
    }
}
