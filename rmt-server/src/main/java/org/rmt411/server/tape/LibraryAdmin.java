package org.rmt411.server.tape;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtException;
import org.rmt411.server.tape.store.CartridgeStore;
import org.rmt411.server.tape.store.ImageStore;

/**
 * The operator's side of the library, behind {@code rmt-server cartridge ...} and
 * {@code rmt-server drives ...}: inspect cartridges, move them in and out of drives, and import
 * or export plain {@code .tap} images.
 *
 * <p>The operator is never silently overruled: a command that changes a cartridge or a drive
 * takes the drive's lease for as long as it works, so no session opens the drive meanwhile, and
 * when a session already has it open the command is refused, naming the session ("cartridge
 * VT0001 is in use by drive 0 (PEER since TIME, pid N)"), instead of reporting success and being
 * undone when the session closes.
 */
public final class LibraryAdmin {
    private final TapeLibrary library;

    /** Administers {@code library}. */
    public LibraryAdmin(TapeLibrary library) {
        this.library = library;
    }

    /** The cartridges in magazine order; fails when there is no library. */
    public List<String> barcodes() throws IOException {
        library.requireFolder();
        return library.barcodes();
    }

    /** What each drive holds (null for empty); fails when there is no library. */
    public List<String> driveContents() throws IOException {
        library.requireFolder();
        return library.driveContents();
    }

    /**
     * Who has {@code drive} open ("PEER since TIME, pid N"), or null when nobody has. Asks the
     * lock, briefly taking the drive; a drive that has no state file was never opened by a
     * writable server and is not probed, so the look creates nothing.
     */
    public String user(int drive) throws IOException {
        library.requireFolder();
        if (!Files.exists(library.driveState(drive))) {
            return null;
        }
        try {
            library.lease(drive, null).close();
            return null;
        } catch (RmtException e) {
            if (e.errno() != Errno.EBUSY.number()) {
                throw e;
            }
            return library.describeHolder(drive);
        }
    }

    /** Describes {@code barcode}, scanning its image (read-only; a torn tail is not cut here). */
    public CartridgeInfo describe(String barcode) throws IOException {
        library.requireFolder();
        library.requireCartridge(barcode);
        Sidecar s = Sidecar.load(library.store(), barcode);
        ImageScanner.Scan scan;
        try (TapeImage image = new TapeImage(library.store().openImage(barcode, false))) {
            scan = ImageScanner.scan(image);
        }
        return new CartridgeInfo(barcode, s.capacity, s.earlyWarning, s.writeProtected, scan.fileSize(),
                scan.files(), scan.records(), scan.dataBytes(), scan.index().markCount(), s.loadCount,
                s.tornTailRepairs, s.created, s.lastWritten, library.driveHolding(barcode));
    }

    /** Sets or clears {@code barcode}'s write-protect tab, unless a session is using it. */
    public void protect(String barcode, boolean writeProtected) throws IOException {
        library.requireFolder();
        library.requireCartridge(barcode);
        try (Closeable held = holdCartridge(barcode)) {
            library.protect(barcode, writeProtected);
        }
    }

    /**
     * Copies a plain SIMH image into the library as {@code barcode}, after checking that it is
     * one ({@link ImageCheck}); anything else is refused and leaves nothing in the library. The
     * check's index becomes the sidecar's, so the first load needs no scan.
     */
    public CartridgeInfo importImage(Path source, String barcode, long capacity, long earlyWarning,
            boolean writeProtected) throws IOException {
        if (!TapeLibrary.validBarcode(barcode)) {
            throw new IllegalArgumentException("barcode must be 1 to 16 of A-Z and 0-9: " + barcode);
        }
        if (!Files.isRegularFile(source)) {
            throw new IOException(source + (Files.exists(source) ? ": not a regular file" : ": no such file"));
        }
        ImageCheck.check(source, source); // refused before anything is made
        CartridgeStore store = library.store();
        if (store.contains(barcode)) {
            throw new FileAlreadyExistsException(barcode, null, "cartridge exists in " + store.location());
        }
        try {
            copyIn(source, store, barcode);
            // What enters the library is what was checked, even if the source changed meanwhile;
            // until its metadata is stored the copy is no cartridge (CartridgeStore).
            ImageScanner.Scan scan;
            try (TapeImage copy = new TapeImage(store.openImage(barcode, false))) {
                scan = ImageCheck.check(copy, source);
            }
            Sidecar s = Sidecar.blank(barcode, capacity, earlyWarning, writeProtected);
            s.length = scan.fileSize();
            s.objects = scan.index().objects();
            s.endOfData = scan.index().endOfData();
            s.marks = scan.index().encodeMarks();
            s.store(store);
        } catch (IOException | RuntimeException e) {
            if (!store.contains(barcode)) {
                store.delete(barcode);
            }
            throw e;
        }
        return describe(barcode);
    }

    /**
     * Writes {@code barcode}'s image up to its end of data to {@code target} as a plain
     * {@code .tap}; refused while a session is using the cartridge (it could be mid-write).
     */
    public long exportImage(String barcode, Path target) throws IOException {
        library.requireFolder();
        library.requireCartridge(barcode);
        try (Closeable held = holdCartridge(barcode);
                TapeImage image = new TapeImage(library.store().openImage(barcode, false));
                OutputStream out = Files.newOutputStream(target)) {
            long end = ImageScanner.scan(image).index().endOfData();
            image.copyRange(0, end, Channels.newChannel(out));
            return end;
        }
    }

    private static void copyIn(Path source, CartridgeStore store, String barcode) throws IOException {
        try (ImageStore copy = store.createImage(barcode); InputStream in = Files.newInputStream(source)) {
            ByteBuffer[] one = {ByteBuffer.allocate(1 << 16)};
            long at = 0;
            int n;
            while ((n = in.read(one[0].array())) > 0) {
                one[0].clear().limit(n);
                copy.write(one, 0, 1, at);
                at += n;
            }
            copy.force();
        }
    }

    /** Puts {@code barcode} into {@code drive} at BOT; the drive must be idle and the cartridge free. */
    public void load(int drive, String barcode) throws IOException {
        library.requireFolder();
        library.requireCartridge(barcode);
        int holder = library.driveHolding(barcode);
        if (holder >= 0 && holder != drive) {
            try (Closeable held = holdCartridge(barcode)) {
                throw new IOException("cartridge " + barcode + " is in drive " + holder + " (unload it first)");
            }
        }
        try (DriveLease lease = leaseDrive(drive)) {
            DriveState state = lease.read();
            if (state == null) {
                state = new DriveState();
            }
            state.cartridge = barcode;
            state.rewind();
            state.locked = false;
            try (Cartridge c = library.mount(barcode)) {
                c.countLoad();
            }
            lease.write(state);
        }
    }

    /** Takes the cartridge out of {@code drive}, leaving it empty; refused while a session has it. */
    public void unload(int drive) throws IOException {
        library.requireFolder();
        try (DriveLease lease = leaseDrive(drive)) {
            DriveState state = lease.read();
            if (state == null) {
                state = new DriveState();
            }
            state.cartridge = null;
            state.rewind();
            lease.write(state);
        }
    }

    /**
     * Holds the drive that has {@code barcode} loaded (if one has), so no session opens it while
     * the operator works on the cartridge.
     *
     * @throws IOException "cartridge B is in use by drive N (who)" when a session has it open
     */
    private Closeable holdCartridge(String barcode) throws IOException {
        int drive = library.driveHolding(barcode);
        if (drive < 0) {
            return () -> { };
        }
        return lease(drive, "cartridge " + barcode + " is in use by drive " + drive);
    }

    private DriveLease leaseDrive(int drive) throws IOException {
        return lease(drive, "drive " + drive + " is in use");
    }

    private DriveLease lease(int drive, String refusal) throws IOException {
        try {
            return library.lease(drive, null);
        } catch (RmtException e) {
            if (e.errno() != Errno.EBUSY.number()) {
                throw e;
            }
            throw new InUseException(refusal + " (" + library.describeHolder(drive) + ")", e);
        }
    }

    /** An operator command refused because a session has the drive open (exit 1, retry later). */
    public static final class InUseException extends IOException {
        private static final long serialVersionUID = 1L;

        InUseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
