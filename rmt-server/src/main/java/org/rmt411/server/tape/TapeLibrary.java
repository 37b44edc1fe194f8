package org.rmt411.server.tape;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rmt411.server.tape.store.CartridgeStore;
import org.rmt411.server.tape.store.FileCartridgeStore;

/**
 * The tape library under the root: one folder ({@value #FOLDER}) holding every cartridge as
 * {@code BARCODE.tap} plus {@code BARCODE.properties}, and one {@code driveN.state} file per
 * drive. The magazine is every cartridge in barcode order; a sequential autoloader feeds the one
 * after the cartridge it took out, and makes a blank one when none is left.
 *
 * <p>A read-only library (the server's {@code --read-only}) changes nothing on disk: it makes no
 * cartridge and no folder, counts no load, cuts no torn tail (a torn image is served as far as it
 * is whole) and keeps what its drives did in memory ({@link DriveLocks}, {@link DriveLease}).
 */
public final class TapeLibrary {
    /** The folder under the root that holds the library. */
    public static final String FOLDER = "library";
    /** Barcodes as LTO labels and AWS Tape Gateway allow them: 1 to 16 of A-Z and 0-9. */
    private static final Pattern BARCODE = Pattern.compile("[A-Z0-9]{1,16}");
    private static final Pattern GENERATED = Pattern.compile("VT(\\d{4,})");
    private static final Pattern STATE_FILE = Pattern.compile("drive(0|[1-9][0-9]{0,3})\\.state");
    private static final System.Logger LOG = System.getLogger(TapeLibrary.class.getName());

    private final Path root;
    private final Path folder;
    private final CartridgeStore store;
    private final Settings settings;
    private final boolean readOnly;
    private final DriveLocks locks;

    /**
     * How the library behaves.
     *
     * @param drives number of drives ({@code /dev/nst0} .. {@code /dev/nst<drives-1>})
     * @param capacity bytes of a new blank cartridge (image bytes, headers included; 0 = unlimited)
     * @param earlyWarning bytes before the end where early warning starts
     * @param autoloader load the next cartridge after MTOFFL, making blank ones as needed
     */
    public record Settings(int drives, long capacity, long earlyWarning, boolean autoloader) {
        /** One drive, 8 GiB cartridges (mhvtl's default size) with 2 MiB early warning (mhvtl's). */
        public static final Settings DEFAULT = new Settings(1, 8L << 30, 2L << 20, true);
    }

    /** The library under {@code root}; the folder is created on first use. */
    public TapeLibrary(Path root, Settings settings) {
        this(root, settings, false);
    }

    /** The library under {@code root}; {@code readOnly} writes nothing at all (see above). */
    public TapeLibrary(Path root, Settings settings, boolean readOnly) {
        this(root, root.resolve(FOLDER), settings, readOnly);
    }

    private TapeLibrary(Path root, Path folder, Settings settings, boolean readOnly) {
        this(root, folder, new FileCartridgeStore(folder), settings, readOnly);
    }

    private TapeLibrary(Path root, Path folder, CartridgeStore store, Settings settings, boolean readOnly) {
        this.root = root;
        this.folder = folder;
        this.store = store;
        this.settings = settings;
        this.readOnly = readOnly;
        this.locks = new DriveLocks(this, readOnly);
    }

    /**
     * The library in {@code folder} itself, wherever it is (the configuration file's
     * {@code library}, such as {@code /var/lib/rmt411/library}); {@code readOnly} as above.
     */
    public static TapeLibrary inFolder(Path folder, Settings settings, boolean readOnly) {
        return new TapeLibrary(folder.getParent() == null ? folder : folder.getParent(), folder, settings, readOnly);
    }

    /**
     * A library whose cartridges are in {@code store} (an S3 bucket) while this server's drive
     * state stays in the local {@code folder}; {@code readOnly} as above.
     */
    public static TapeLibrary withStore(Path folder, CartridgeStore store, Settings settings, boolean readOnly) {
        return new TapeLibrary(folder.getParent() == null ? folder : folder.getParent(), folder, store, settings,
                readOnly);
    }

    public Path folder() {
        return folder;
    }

    public Settings settings() {
        return settings;
    }

    boolean readOnly() {
        return readOnly;
    }

    /**
     * Fails unless the library's folder exists: the operator's commands other than create and
     * import have nothing to work on, and listing nothing would hide a wrong {@code --root}.
     */
    public void requireFolder() throws IOException {
        if (!(store instanceof FileCartridgeStore)) {
            store.exists(); // a bucket that cannot be listed fails here, saying why
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException((folder.equals(root.resolve(FOLDER)) ? "no tape library under " + root
                    : "no tape library in " + folder)
                    + " (it is created by the first use of /dev/nst0 or by cartridge create)");
        }
    }

    /** Where the cartridges' images and metadata are kept. */
    CartridgeStore store() {
        return store;
    }

    Path driveState(int drive) {
        return folder.resolve("drive" + drive + ".state");
    }

    /** Every cartridge's barcode, in magazine order. */
    public List<String> barcodes() throws IOException {
        return store.barcodes().stream().filter(b -> BARCODE.matcher(b).matches()).toList();
    }

    /** True when {@code barcode} is a valid label. */
    public static boolean validBarcode(String barcode) {
        return BARCODE.matcher(barcode).matches();
    }

    /**
     * Creates a blank cartridge.
     *
     * @throws FileAlreadyExistsException when the barcode is taken
     */
    public void create(String barcode, long capacity, long earlyWarning, boolean writeProtected) throws IOException {
        if (!validBarcode(barcode)) {
            throw new IllegalArgumentException("barcode must be 1 to 16 of A-Z and 0-9: " + barcode);
        }
        if (store.contains(barcode)) {
            throw new FileAlreadyExistsException(barcode, null, "cartridge exists in " + store.location());
        }
        store.createImage(barcode).close();
        Sidecar.blank(barcode, capacity, earlyWarning, writeProtected).store(store);
    }

    /** The next free generated barcode: {@code VT0001}, {@code VT0002}, ... */
    public String nextBarcode() throws IOException {
        long max = 0;
        for (String b : barcodes()) {
            var m = GENERATED.matcher(b);
            if (m.matches()) {
                max = Math.max(max, Long.parseLong(m.group(1)));
            }
        }
        return String.format("VT%04d", max + 1);
    }

    /** Sets or clears a cartridge's write protection. */
    public void protect(String barcode, boolean writeProtected) throws IOException {
        Sidecar s = Sidecar.load(store, barcode);
        s.writeProtected = writeProtected;
        s.store(store);
    }

    /**
     * Fails unless {@code barcode} is a cartridge of this library.
     *
     * @throws NoSuchFileException naming it, when it is not
     */
    void requireCartridge(String barcode) throws IOException {
        if (!store.contains(barcode)) {
            throw new NoSuchFileException(barcode, null, "no such cartridge in " + store.location());
        }
    }

    /** Mounts {@code barcode} (checking its tail, and repairing it unless read-only). */
    Cartridge mount(String barcode) throws IOException {
        requireCartridge(barcode);
        return Cartridge.mount(store, barcode, readOnly);
    }

    /**
     * The autoloader: mounts the first cartridge after {@code after} in barcode order that no
     * other drive holds (any free one when {@code after} is null), counting the load. With none
     * left it makes a blank one, unless {@code create} is false.
     *
     * @return the mounted cartridge, or null
     */
    synchronized Cartridge mountNext(String after, int drive, boolean create) throws IOException {
        Set<String> held = heldByOtherDrives(drive);
        for (String barcode : barcodes()) {
            if (!held.contains(barcode) && (after == null || barcode.compareTo(after) > 0)) {
                locks.claim(drive, barcode);
                return load(barcode);
            }
        }
        if (!create || readOnly) {
            return null; // a read-only magazine that is empty: the drive has no medium
        }
        String barcode = nextBarcode();
        create(barcode, settings.capacity(), settings.earlyWarning(), false);
        LOG.log(Level.INFO, "drive " + drive + ": magazine empty, loaded a blank cartridge " + barcode);
        locks.claim(drive, barcode);
        return load(barcode);
    }

    private Cartridge load(String barcode) throws IOException {
        Cartridge cartridge = mount(barcode);
        if (readOnly) {
            return cartridge;
        }
        try {
            cartridge.countLoad();
        } catch (IOException e) {
            cartridge.close();
            throw e;
        }
        return cartridge;
    }

    /** The barcode each drive holds (null for an empty or never used drive). */
    public List<String> driveContents() throws IOException {
        List<String> contents = new ArrayList<>();
        for (int d = 0; d < settings.drives(); d++) {
            contents.add(holding(d));
        }
        return contents;
    }

    /**
     * The drive that holds {@code barcode}, or -1: every drive with a state file counts, not
     * only the first {@code --drives}, since the server may run with more than the operator
     * command was told.
     */
    public int driveHolding(String barcode) throws IOException {
        Set<Integer> drives = new java.util.TreeSet<>();
        for (int d = 0; d < settings.drives(); d++) {
            drives.add(d);
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(p -> STATE_FILE.matcher(p.getFileName().toString()))
                        .filter(java.util.regex.Matcher::matches)
                        .forEach(m -> drives.add(Integer.parseInt(m.group(1))));
            }
        }
        for (int d : drives) {
            if (barcode.equals(holding(d))) {
                return d;
            }
        }
        return -1;
    }

    private Set<String> heldByOtherDrives(int drive) throws IOException {
        Set<String> held = new HashSet<>();
        for (int d = 0; d < Math.max(settings.drives(), drive + 1); d++) {
            String barcode = d == drive ? null : holding(d);
            if (barcode != null) {
                held.add(barcode);
            }
        }
        return held;
    }

    private String holding(int drive) throws IOException {
        DriveState s = locks.peek(drive);
        return s == null ? null : s.cartridge;
    }

    /**
     * Takes drive {@code drive} for exclusive use.
     *
     * @param holder who opens it, recorded for the operator's refusals (null: an operator command)
     * @throws org.rmt411.protocol.RmtException EBUSY when another session or process has it
     */
    DriveLease lease(int drive, DriveHolder holder) throws IOException {
        return locks.lease(drive, holder);
    }

    /** Who holds {@code drive}, for the operator's "in use" refusals. */
    String describeHolder(int drive) throws IOException {
        return locks.describeHolder(drive);
    }
}
