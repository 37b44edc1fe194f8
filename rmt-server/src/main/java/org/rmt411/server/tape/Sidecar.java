package org.rmt411.server.tape;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Properties;

/**
 * A cartridge's metadata, kept next to its image as a {@code java.util.Properties} file (no
 * dependency, readable by an operator): what the image format has no room for (barcode,
 * capacity, write protection, history) and a cache of the mark index that is trusted only when
 * {@code clean} and the image length still match.
 */
final class Sidecar {
    String barcode;
    long capacity;
    long earlyWarning;
    boolean writeProtected;
    Instant created;
    Instant lastWritten;
    long loadCount;
    long tornTailRepairs;
    Instant lastRepair;
    boolean clean;
    long length;
    long objects;
    long endOfData;
    String marks = "";

    /** Fresh metadata for a blank cartridge. */
    static Sidecar blank(String barcode, long capacity, long earlyWarning, boolean writeProtected) {
        Sidecar s = new Sidecar();
        s.barcode = barcode;
        s.capacity = capacity;
        s.earlyWarning = earlyWarning;
        s.writeProtected = writeProtected;
        s.created = Instant.now();
        s.clean = true;
        return s;
    }

    static Sidecar load(Path path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            p.load(in);
        }
        try {
            Sidecar s = new Sidecar();
            s.barcode = p.getProperty("barcode");
            s.capacity = Long.parseLong(p.getProperty("capacity", "0"));
            s.earlyWarning = Long.parseLong(p.getProperty("earlyWarning", "0"));
            s.writeProtected = Boolean.parseBoolean(p.getProperty("writeProtected", "false"));
            s.created = instant(p.getProperty("created"));
            s.lastWritten = instant(p.getProperty("lastWritten"));
            s.loadCount = Long.parseLong(p.getProperty("loadCount", "0"));
            s.tornTailRepairs = Long.parseLong(p.getProperty("tornTailRepairs", "0"));
            s.lastRepair = instant(p.getProperty("lastRepair"));
            s.clean = Boolean.parseBoolean(p.getProperty("clean", "false"));
            s.length = Long.parseLong(p.getProperty("length", "-1"));
            s.objects = Long.parseLong(p.getProperty("objects", "0"));
            s.endOfData = Long.parseLong(p.getProperty("endOfData", "0"));
            s.marks = p.getProperty("marks", "");
            return s;
        } catch (RuntimeException e) {
            throw new IOException("unreadable cartridge sidecar " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the file at {@code path} atomically (write a temporary file, force it, rename), so
     * a crash leaves either the old or the new metadata, never half of it.
     */
    void store(Path path) throws IOException {
        Properties p = new Properties();
        p.setProperty("barcode", barcode);
        p.setProperty("capacity", Long.toString(capacity));
        p.setProperty("earlyWarning", Long.toString(earlyWarning));
        p.setProperty("writeProtected", Boolean.toString(writeProtected));
        put(p, "created", created);
        put(p, "lastWritten", lastWritten);
        p.setProperty("loadCount", Long.toString(loadCount));
        p.setProperty("tornTailRepairs", Long.toString(tornTailRepairs));
        put(p, "lastRepair", lastRepair);
        p.setProperty("clean", Boolean.toString(clean));
        p.setProperty("length", Long.toString(length));
        p.setProperty("objects", Long.toString(objects));
        p.setProperty("endOfData", Long.toString(endOfData));
        p.setProperty("marks", marks);
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            p.store(out, "rmt411 cartridge " + barcode + " (the mark index is a cache of the .tap image)");
            out.flush();
            channel.force(true);
        }
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Stores the drive's fields but keeps the write-protect tab as the file has it now: the
     * operator may flip the tab of a cartridge loaded in an idle drive, and a session that
     * mounted it a moment before must not undo that when it syncs or closes. The tab read here
     * also becomes this copy's, so the rest of that session obeys it.
     */
    void storeKeepingTab(Path path) throws IOException {
        if (Files.exists(path)) {
            writeProtected = load(path).writeProtected;
        }
        store(path);
    }

    private static void put(Properties p, String key, Instant value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text.trim());
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("bad time " + text));
        }
    }
}
