package org.rmt411.server.device;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.RmtException;

/**
 * The fallback provider: every name is a plain file under the root with byte-stream semantics,
 * as GNU rmt serves a regular file. New files are created 0644 (GNU rmt's 0666 less the usual
 * umask).
 */
public final class FileProvider implements DeviceProvider {
    static final FileAttribute<?> MODE_0644 =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));

    private final RootJail jail;
    private final List<String> reserved;

    /** Files under {@code jail}'s root. */
    public FileProvider(RootJail jail) {
        this.jail = jail;
        this.reserved = null;
    }

    /**
     * Files under {@code jail}'s root except inside the folder {@code reservedName} (the tape
     * library's): a plain-file open there could overwrite a cartridge image behind its drive's
     * back.
     */
    public FileProvider(RootJail jail, String reservedName) {
        this.jail = jail;
        // Where the folder really is, should an administrator have made it a link inside the
        // root; missing, or a link out of the root (which the jail never reaches), it is its name.
        List<String> where;
        try (RootJail.Located folder = jail.locate(reservedName)) {
            where = folder.segments();
        } catch (IOException e) {
            where = List.of(reservedName);
        }
        this.reserved = where;
    }

    @Override
    public Optional<Device> open(String name, int flags) throws IOException {
        try (RootJail.Located target = jail.locate(name)) {
            List<String> segments = target.segments();
            if (reserved != null && segments.size() >= reserved.size()
                    && segments.subList(0, reserved.size()).equals(reserved)) {
                throw new RmtException(Errno.EACCES);
            }
            if (target.isDirectory()) {
                throw new RmtException(Errno.EISDIR);
            }
            FileChannel channel = jail.posixModes()
                    ? target.open(options(flags), MODE_0644) : target.open(options(flags));
            return Optional.of(new FileDevice(channel, OpenFlags.accessMode(flags),
                    (flags & OpenFlags.O_APPEND) != 0, jail.root().resolve(String.join("/", segments))));
        }
    }

    /** The channel options for an open of a regular file with {@code flags}. */
    static Set<OpenOption> options(int flags) {
        Set<OpenOption> options = new HashSet<>();
        int mode = OpenFlags.accessMode(flags);
        // Always readable underneath: the device itself refuses R on a write-only open with EBADF,
        // like GNU rmt, and O_APPEND is emulated because Java forbids APPEND with READ.
        options.add(StandardOpenOption.READ);
        if (mode != OpenFlags.O_RDONLY) {
            options.add(StandardOpenOption.WRITE);
            if ((flags & OpenFlags.O_TRUNC) != 0) {
                options.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            if ((flags & OpenFlags.O_SYNC) == OpenFlags.O_SYNC) {
                options.add(StandardOpenOption.SYNC);
            } else if ((flags & OpenFlags.O_DSYNC) != 0) {
                options.add(StandardOpenOption.DSYNC);
            }
        }
        if ((flags & OpenFlags.O_CREAT) != 0) {
            if (mode == OpenFlags.O_RDONLY) {
                // open(2) creates even for O_RDONLY; Java needs WRITE to create, so ask for it
                // and let the device keep refusing writes.
                options.add(StandardOpenOption.WRITE);
            }
            options.add((flags & OpenFlags.O_EXCL) != 0
                    ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        return options;
    }
}
