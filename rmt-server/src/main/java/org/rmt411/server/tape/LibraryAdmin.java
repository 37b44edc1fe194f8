package org.rmt411.server.tape;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The operator's side of the library, behind {@code rmt-server cartridge ...} and
 * {@code rmt-server drives ...}: inspect cartridges, move them in and out of drives, and import
 * or export plain {@code .tap} images.
 */
public final class LibraryAdmin {
    private final TapeLibrary library;

    /** Administers {@code library}. */
    public LibraryAdmin(TapeLibrary library) {
        this.library = library;
    }

    /** Describes {@code barcode}, scanning its image (read-only; a torn tail is not cut here). */
    public CartridgeInfo describe(String barcode) throws IOException {
        Sidecar s = Sidecar.load(library.existingSidecar(barcode));
        ImageScanner.Scan scan;
        try (TapeImage image = TapeImage.open(library.image(barcode), false)) {
            scan = ImageScanner.scan(image);
        }
        List<String> drives = library.driveContents();
        return new CartridgeInfo(barcode, s.capacity, s.earlyWarning, s.writeProtected, scan.fileSize(),
                scan.files(), scan.records(), scan.dataBytes(), scan.index().markCount(), s.loadCount,
                s.tornTailRepairs, s.created, s.lastWritten, drives.indexOf(barcode));
    }

    /**
     * Copies a plain SIMH image into the library as {@code barcode}. It is scanned (and a torn
     * tail cut) on its first load, as any cartridge whose sidecar is not clean.
     */
    public void importImage(Path source, String barcode, long capacity, long earlyWarning, boolean writeProtected)
            throws IOException {
        if (!TapeLibrary.validBarcode(barcode)) {
            throw new IllegalArgumentException("barcode must be 1 to 16 of A-Z and 0-9: " + barcode);
        }
        Files.createDirectories(library.folder());
        if (Files.exists(library.sidecar(barcode))) {
            throw new FileAlreadyExistsException(library.sidecar(barcode).toString(), null, "cartridge exists");
        }
        Files.copy(source, library.image(barcode), StandardCopyOption.REPLACE_EXISTING);
        Sidecar s = Sidecar.blank(barcode, capacity, earlyWarning, writeProtected);
        s.clean = false;
        s.store(library.sidecar(barcode));
    }

    /** Writes {@code barcode}'s image up to its end of data to {@code target} as a plain {@code .tap}. */
    public long exportImage(String barcode, Path target) throws IOException {
        library.existingSidecar(barcode);
        try (TapeImage image = TapeImage.open(library.image(barcode), false);
                FileChannel in = FileChannel.open(library.image(barcode), StandardOpenOption.READ);
                OutputStream out = Files.newOutputStream(target)) {
            long end = ImageScanner.scan(image).index().endOfData();
            InputStream data = Channels.newInputStream(in);
            long left = end;
            byte[] buffer = new byte[1 << 16];
            while (left > 0) {
                int n = data.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
            return end;
        }
    }

    /** Puts {@code barcode} into {@code drive} at BOT; the drive must be idle and the cartridge free. */
    public void load(int drive, String barcode) throws IOException {
        library.existingSidecar(barcode);
        int holder = library.driveContents().indexOf(barcode);
        if (holder >= 0 && holder != drive) {
            throw new IOException("cartridge " + barcode + " is in drive " + holder);
        }
        try (DriveLease lease = library.lease(drive)) {
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

    /** Takes the cartridge out of {@code drive}, leaving it empty. */
    public void unload(int drive) throws IOException {
        try (DriveLease lease = library.lease(drive)) {
            DriveState state = lease.read();
            if (state == null) {
                state = new DriveState();
            }
            state.cartridge = null;
            state.rewind();
            lease.write(state);
        }
    }
}
