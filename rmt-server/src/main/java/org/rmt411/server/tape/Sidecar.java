package org.rmt411.server.tape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Properties;
import org.rmt411.server.tape.store.CartridgeStore;

/**
 * A cartridge's metadata, kept by its {@link CartridgeStore} next to its image as a
 * {@code java.util.Properties} set (no dependency, readable by an operator): what the image format has no room for (barcode,
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

    /** The metadata of {@code barcode} in {@code store}. */
    static Sidecar load(CartridgeStore store, String barcode) throws IOException {
        Properties p = store.readMetadata(barcode);
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
            throw new IOException("unreadable metadata of cartridge " + barcode + " in " + store.location() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Replaces the metadata of {@code barcode} in {@code store} (atomically: the store's promise). */
    void store(CartridgeStore store) throws IOException {
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
        store.writeMetadata(barcode, p);
    }

    /**
     * Stores the drive's fields but keeps the write-protect tab as the store has it now: the
     * operator may flip the tab of a cartridge loaded in an idle drive, and a session that
     * mounted it a moment before must not undo that when it syncs or closes. The tab read here
     * also becomes this copy's, so the rest of that session obeys it.
     */
    void storeKeepingTab(CartridgeStore store) throws IOException {
        if (store.contains(barcode)) {
            writeProtected = load(store, barcode).writeProtected;
        }
        store(store);
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
