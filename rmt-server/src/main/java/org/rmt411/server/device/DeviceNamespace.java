package org.rmt411.server.device;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.RmtException;
import org.rmt411.server.access.AccessMode;
import org.rmt411.server.access.AccessPolicy;
import org.rmt411.server.access.Identity;

/**
 * Maps device names to devices: the server-wide policy (read-only, forbidden bytes, the access
 * rules) first, then the providers in order, so tape drives claim their names before the file
 * fallback.
 */
public final class DeviceNamespace {
    private static final System.Logger LOG = System.getLogger("rmt411.access");

    private final List<DeviceProvider> providers;
    private final boolean readOnly;
    private final AccessPolicy access;
    private final RuleNames names;

    /** A namespace asking {@code providers} in order; {@code readOnly} refuses every write open. */
    public DeviceNamespace(List<DeviceProvider> providers, boolean readOnly) {
        this(providers, readOnly, AccessPolicy.OPEN, null);
    }

    /**
     * A namespace that also checks every open against {@code access}, judging the names
     * {@code names} gives for each device name.
     */
    public DeviceNamespace(List<DeviceProvider> providers, boolean readOnly, AccessPolicy access, RuleNames names) {
        this.providers = List.copyOf(providers);
        this.readOnly = readOnly;
        this.access = access;
        this.names = names;
    }

    /**
     * Opens {@code name}.
     *
     * @throws RmtException E13 for a NUL byte (GNU rmt would silently cut the name there) or an
     *     open the access rules refuse, E30 for a write open on a read-only server, E2 when no
     *     provider takes the name
     */
    public Device open(String name, int flags) throws IOException {
        return open(name, flags, "local");
    }

    /**
     * Opens {@code name} for the session talking to {@code peer} (recorded by the tape drives
     * while open, for the operator's "in use by PEER since TIME").
     *
     * @throws RmtException as {@link #open(String, int)}
     */
    public Device open(String name, int flags, String peer) throws IOException {
        return open(name, flags, Identity.ofProcess(peer));
    }

    /**
     * Opens {@code name} for {@code who}, whom the access rules judge by login, address and
     * TLS certificate. An {@code O_RDWR} open the rules allow only for reading is opened
     * {@code O_RDONLY} and refuses filemarks and erase.
     *
     * @throws RmtException as {@link #open(String, int)}
     */
    public Device open(String name, int flags, Identity who) throws IOException {
        if (name.indexOf('\0') >= 0) {
            throw new RmtException(Errno.EACCES);
        }
        if (readOnly && OpenFlags.wantsWrite(flags)) {
            throw new RmtException(Errno.EROFS);
        }
        if (!access.rules().isEmpty() && check(name, flags, who)) {
            int readFlags = (flags & ~OpenFlags.O_ACCMODE) | OpenFlags.O_RDONLY;
            return new ReadOnlyDevice(provide(name, readFlags, who.peer()));
        }
        return provide(name, flags, who.peer());
    }

    private Device provide(String name, int flags, String peer) throws IOException {
        for (DeviceProvider provider : providers) {
            Optional<Device> device = provider.open(name, flags, peer);
            if (device.isPresent()) {
                return device.get();
            }
        }
        throw new RmtException(Errno.ENOENT);
    }

    /**
     * Refuses with E13, and logs which rule refused, when the access rules do not allow the
     * open; says whether they allow it only for reading (logged too, naming the rule).
     */
    private boolean check(String name, int flags, Identity who) throws RmtException {
        AccessPolicy.Decision decision = access.decide(who, names.of(name), flags);
        if (decision instanceof AccessPolicy.Decision.Refused refused) {
            LOG.log(System.Logger.Level.WARNING, "refused " + AccessMode.of(flags).word()
                    + " open of " + printable(refused.name()) + " for " + printable(who.describe()) + ": " + refused.why());
            throw new RmtException(Errno.EACCES);
        }
        if (decision instanceof AccessPolicy.Decision.ReadOnly readOnly) {
            LOG.log(System.Logger.Level.INFO, "rw open of " + printable(readOnly.name()) + " for "
                    + printable(who.describe()) + " made read-only: " + readOnly.why());
            return true;
        }
        return false;
    }

    /** A client's name with control characters shown as {@code ?}: it cannot break or forge a log line. */
    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}
