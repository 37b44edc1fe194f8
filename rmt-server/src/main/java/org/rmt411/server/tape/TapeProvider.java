package org.rmt411.server.tape;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.RmtException;
import org.rmt411.server.device.Device;
import org.rmt411.server.device.DeviceProvider;

/**
 * Claims {@code /dev/nstN} (non-rewinding) and {@code /dev/stN} (rewinding on close) for the
 * library's drives, N below {@code --drives}; every other name is left to the next provider.
 */
public final class TapeProvider implements DeviceProvider {
    private static final Pattern NAME = Pattern.compile("/*dev/(n?)st(0|[1-9][0-9]{0,3})");

    private final TapeLibrary library;
    private final boolean absoluteOnly;

    /** Drives of {@code library}; {@code dev/nst0} names drive 0 as {@code /dev/nst0} does (under a root). */
    public TapeProvider(TapeLibrary library) {
        this(library, false);
    }

    /**
     * Drives of {@code library}; with {@code absoluteOnly} only {@code /dev/nstN} and
     * {@code /dev/stN} are drives: on host paths (no root) {@code dev/nst0} is a file in the
     * working directory, as GNU rmt opens it.
     */
    public TapeProvider(TapeLibrary library, boolean absoluteOnly) {
        this.library = library;
        this.absoluteOnly = absoluteOnly;
    }

    @Override
    public Optional<Device> open(String name, int flags) throws IOException {
        return open(name, flags, "local");
    }

    /**
     * Opens drive N for the session talking to {@code peer}, who is recorded in the drive's
     * state file while it is open so that an operator command can say whom it would overrule.
     */
    @Override
    public Optional<Device> open(String name, int flags, String peer) throws IOException {
        Matcher m = NAME.matcher(name);
        if ((absoluteOnly && !name.startsWith("/")) || !m.matches() || Integer.parseInt(m.group(2)) >= library.settings().drives()) {
            return Optional.empty();
        }
        int drive = Integer.parseInt(m.group(2));
        boolean rewinding = m.group(1).isEmpty();
        boolean forWrite = OpenFlags.accessMode(flags) != OpenFlags.O_RDONLY;
        if (forWrite && library.readOnly()) {
            throw new RmtException(Errno.EROFS); // the namespace says so first; the library never writes
        }
        DriveLease lease = library.lease(drive, DriveHolder.now(peer));
        Cartridge cartridge = null;
        try {
            DriveState state = lease.read();
            cartridge = loadAtOpen(drive, state);
            if (state == null) {
                state = new DriveState();
            }
            if (cartridge != null && !cartridge.barcode().equals(state.cartridge)) {
                state.cartridge = cartridge.barcode();
                state.rewind();
            }
            if (cartridge == null && (flags & OpenFlags.O_NONBLOCK) == 0) {
                throw new RmtException(Errno.ENOMEDIUM); // st: no tape, and not O_NONBLOCK
            }
            if (cartridge != null && forWrite && cartridge.writeProtected()) {
                throw new RmtException(Errno.EROFS); // st: write open of a protected tape
            }
            TapeDrive tape = new TapeDrive(state, cartridge, forWrite, rewinding, autoloader(drive, lease));
            lease.hold(state);
            lease.live(state);
            return Optional.of(new TapeDevice(tape, lease));
        } catch (IOException | RuntimeException e) {
            if (cartridge != null) {
                cartridge.close();
            }
            lease.close();
            throw e;
        }
    }

    /**
     * The changer for {@code drive}: sequential when the library is an autoloader, else manual.
     * What it mounts is recorded in the state file at once, so an operator command sees which
     * cartridge the open drive now holds (and refuses to touch it) before the session closes.
     */
    private Autoloader autoloader(int drive, DriveLease lease) {
        return new Autoloader() {
            @Override
            public Cartridge next(String unloaded, boolean wasBlank) throws IOException {
                return announce(library.settings().autoloader() ? library.mountNext(unloaded, drive, !wasBlank) : null);
            }

            @Override
            public Cartridge load() throws IOException {
                return announce(library.mountNext(null, drive, false));
            }

            private Cartridge announce(Cartridge mounted) throws IOException {
                DriveState live = lease.live();
                if (mounted != null && live != null) {
                    live.cartridge = mounted.barcode();
                    live.rewind();
                    lease.hold(live);
                }
                return mounted;
            }
        };
    }

    /**
     * The cartridge in the drive: the one it held; for a drive never used, the first free one of
     * the magazine (a blank one if none is free). An emptied drive stays empty until MTLOAD or
     * the operator loads it, as a real drive does.
     */
    private Cartridge loadAtOpen(int drive, DriveState state) throws IOException {
        if (state != null && state.cartridge != null) {
            return library.mount(state.cartridge);
        }
        return state == null ? library.mountNext(null, drive, true) : null;
    }
}
