package org.rmt411.server.tape;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import org.rmt411.server.device.Payload;
import org.rmt411.server.tape.store.CartridgeStore;

/**
 * A mounted cartridge: its SIMH image open, its index trusted or rebuilt, its tail checked.
 *
 * <p>Durability follows st's rule that a filemark without the immediate bit is a
 * synchronisation point (st.rst, MTWEOF): records are written without forcing, and
 * {@link #sync()} (called at every filemark, close, rewind and unload) forces the image and then
 * records the new length as clean in the sidecar. Before the first change after a sync the
 * sidecar is marked dirty, so a crash in between makes the next mount scan the whole image.
 */
final class Cartridge implements Closeable {
    private static final System.Logger LOG = System.getLogger(Cartridge.class.getName());

    private final CartridgeStore store;
    private final Sidecar sidecar;
    private final TapeImage image;
    private TapeIndex index;
    private boolean changedSinceSync;

    private Cartridge(CartridgeStore store, Sidecar sidecar, TapeImage image) {
        this.store = store;
        this.sidecar = sidecar;
        this.image = image;
    }

    /**
     * Mounts cartridge {@code barcode} of {@code store}. A
     * write-protected cartridge, or any cartridge of a read-only server ({@code readOnly}), is
     * opened read-only: nothing of it is written, and a torn tail is only hidden, not cut.
     */
    static Cartridge mount(CartridgeStore store, String barcode, boolean readOnly) throws IOException {
        Sidecar sidecar = Sidecar.load(store, barcode);
        boolean writable = !readOnly && !sidecar.writeProtected;
        TapeImage image = new TapeImage(store.openImage(barcode, writable));
        Cartridge cartridge = new Cartridge(store, sidecar, image);
        try {
            cartridge.checkTail();
        } catch (IOException | RuntimeException e) {
            image.close();
            throw e;
        }
        return cartridge;
    }

    /** Trusts the sidecar's index when clean and the tail is whole; otherwise scans and repairs. */
    private void checkTail() throws IOException {
        long size = image.size();
        if (sidecar.clean && sidecar.length == size && sidecar.endOfData <= size) {
            TapeIndex cached = TapeIndex.decode(sidecar.marks, sidecar.objects, sidecar.endOfData);
            if (tailMatches(cached)) {
                index = cached;
                return;
            }
        }
        ImageScanner.Scan scan = ImageScanner.scan(image);
        index = scan.index();
        if (scan.tornAt() >= 0 && !image.writable()) {
            LOG.log(Level.WARNING, "cartridge " + sidecar.barcode + ": torn tail at byte " + scan.tornAt()
                    + " of " + size + "; served up to there, the cut waits for a writable load");
        } else if (scan.tornAt() >= 0) {
            LOG.log(Level.WARNING, "cartridge " + sidecar.barcode + ": torn tail at byte " + scan.tornAt()
                    + " of " + size + "; cut back to the last whole object");
            sidecar.tornTailRepairs++;
            sidecar.lastRepair = Instant.now();
            image.truncate(scan.tornAt());
            image.force();
        }
        if (image.writable()) {
            changedSinceSync = true;
            sync();
        }
    }

    /** The cached index is believable when the image's last object is where it says. */
    private boolean tailMatches(TapeIndex cached) throws IOException {
        long eod = cached.endOfData();
        if (eod == 0) {
            return cached.objects() == 0 && cached.markCount() == 0;
        }
        TapeObject last = image.backward(eod);
        if (last.kind() == TapeObject.Kind.MARK) {
            int marks = cached.markCount();
            return marks > 0 && cached.markOffset(marks - 1) == last.offset()
                    && cached.markObject(marks - 1) == cached.objects() - 1;
        }
        return last.kind() == TapeObject.Kind.RECORD;
    }

    String barcode() {
        return sidecar.barcode;
    }

    /** The tab as last seen: at mount, or when the operator flipped it since (see Sidecar). */
    boolean writeProtected() {
        return sidecar.writeProtected;
    }

    long capacity() {
        return sidecar.capacity;
    }

    long earlyWarning() {
        return sidecar.earlyWarning;
    }

    /** Counts one more load into a drive (mhvtl keeps the same count in its MAM). */
    void countLoad() throws IOException {
        sidecar.loadCount++;
        sidecar.storeKeepingTab(store);
    }

    TapeImage image() {
        return image;
    }

    TapeIndex index() {
        return index;
    }

    /**
     * Writes one record of the next {@code length} payload bytes at {@code offset}, which holds
     * object number {@code object}; returns its end.
     */
    long writeRecord(long offset, long object, Payload data, int length) throws IOException {
        cutAt(offset, object);
        long end = image.writeRecord(offset, data, length);
        index.extend(end, object + 1);
        return end;
    }

    /** Writes one tape mark at {@code offset} (object number {@code object}); returns its end. */
    long writeMark(long offset, long object) throws IOException {
        cutAt(offset, object);
        long end = image.writeMark(offset);
        index.addMark(offset, object);
        return end;
    }

    /** Makes {@code offset} the end of data (MTERASE, or writing there). */
    void cutAt(long offset, long object) throws IOException {
        beginChange();
        if (offset != index.endOfData() || image.size() != offset) {
            index.truncate(offset, object);
            image.truncate(offset);
        }
    }

    private void beginChange() throws IOException {
        if (!changedSinceSync) {
            changedSinceSync = true;
            sidecar.clean = false;
            sidecar.storeKeepingTab(store);
        }
    }

    /** The synchronisation point: force the image, then record it as clean. */
    void sync() throws IOException {
        if (!changedSinceSync) {
            return;
        }
        image.force();
        sidecar.clean = true;
        sidecar.length = image.size();
        sidecar.objects = index.objects();
        sidecar.endOfData = index.endOfData();
        sidecar.marks = index.encodeMarks();
        sidecar.lastWritten = Instant.now();
        sidecar.storeKeepingTab(store);
        changedSinceSync = false;
    }

    /** Syncs and closes the image. */
    @Override
    public void close() throws IOException {
        try {
            if (image.writable()) {
                sync();
            }
        } finally {
            image.close();
        }
    }
}
