package org.rmt411.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rmt411.server.access.AccessPolicy;
import org.rmt411.server.device.DeviceNamespace;
import org.rmt411.server.device.DeviceProvider;
import org.rmt411.server.device.FileProvider;
import org.rmt411.server.device.HostFileProvider;
import org.rmt411.server.device.RootJail;
import org.rmt411.server.device.RuleNames;
import org.rmt411.server.session.RmtSession;
import org.rmt411.server.session.SessionOptions;
import org.rmt411.server.tape.TapeLibrary;
import org.rmt411.server.tape.TapeProvider;
import org.rmt411.server.transport.SessionFactory;

/** Wires the device namespace under a root to the session factory every transport uses. */
public final class ServerRuntime {
    private ServerRuntime() {
    }

    /**
     * What device names lead to.
     *
     * @param root the folder names are confined to, or {@code null} for host paths as GNU rmt
     *     opens them (relative to the working directory, the login's own permissions)
     * @param library the tape library's folder, or {@code null} for no virtual tapes
     *     ({@code /dev/nstN} is then whatever that name is on the host or under the root)
     * @param tapes the drives, capacity and autoloader of the library
     * @param readOnly refuse every write open with E30 and write nothing
     * @param access the access rules every open is checked against
     * @param cartridges where the cartridges are: {@code library} itself, or {@code s3://BUCKET/PREFIX}
     *     (then {@code library} is the local folder of the drives' state only)
     * @param s3 the options of an {@code s3://} library
     */
    public record Devices(Path root, Path library, TapeLibrary.Settings tapes, boolean readOnly,
            AccessPolicy access, Path cartridges, S3Options s3) {
        /** A file library in {@code library}. */
        public Devices(Path root, Path library, TapeLibrary.Settings tapes, boolean readOnly, AccessPolicy access) {
            this(root, library, tapes, readOnly, access, library, new S3Options());
        }
    }

    /** The session factory for a server rooted at {@code root} (which must exist). */
    public static SessionFactory sessions(Path root, boolean readOnly, SessionOptions options) throws IOException {
        return sessions(root, readOnly, options, TapeLibrary.Settings.DEFAULT);
    }

    /** The session factory with the virtual tape library configured by {@code tapes}. */
    public static SessionFactory sessions(Path root, boolean readOnly, SessionOptions options,
            TapeLibrary.Settings tapes) throws IOException {
        return sessions(new Devices(root, root.resolve(TapeLibrary.FOLDER), tapes, readOnly, AccessPolicy.OPEN),
                options);
    }

    /** The session factory for {@code devices}. */
    public static SessionFactory sessions(Devices devices, SessionOptions options) throws IOException {
        DeviceNamespace namespace = namespace(devices);
        return (in, out, peer) -> new RmtSession(in, out, namespace, options, peer);
    }

    /**
     * The namespace: tape drives first ({@code /dev/nstN}, {@code /dev/stN}), then plain files.
     * One library per server process, so every session shares the drives' busy state.
     */
    private static DeviceNamespace namespace(Devices devices) throws IOException {
        List<DeviceProvider> providers = new ArrayList<>();
        if (devices.library() != null) {
            providers.add(new TapeProvider(devices.s3().library(devices.cartridges(), devices.library(),
                    devices.tapes(), devices.readOnly()), devices.root() == null));
        }
        Path cwd = Path.of("").toAbsolutePath();
        RuleNames names;
        if (devices.root() == null) {
            providers.add(new HostFileProvider(cwd, devices.library()));
            names = RuleNames.host(cwd);
        } else {
            RootJail jail = new RootJail(devices.root());
            providers.add(reservingLibrary(jail, devices));
            names = RuleNames.jailed(devices.root());
        }
        return new DeviceNamespace(providers, devices.readOnly(), devices.access(), names);
    }

    /**
     * Plain files under the root. The library's folder is the drives' business only: plain-file
     * access to it is refused when it lies under the root.
     */
    private static FileProvider reservingLibrary(RootJail jail, Devices devices) throws IOException {
        if (devices.library() == null) {
            return new FileProvider(jail);
        }
        Path root = devices.root().toAbsolutePath().normalize();
        Path library = devices.library().toAbsolutePath().normalize();
        if (!library.startsWith(root) || library.equals(root)) {
            return new FileProvider(jail);
        }
        return new FileProvider(jail, root.relativize(library).toString());
    }
}
