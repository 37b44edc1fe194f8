package org.rmt411.server.device;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.RmtException;

/**
 * Device names as GNU rmt opens them, with no root: an absolute name is that path on the host,
 * a relative one is relative to the working directory (the login's home under ssh), links are
 * followed, and the operating system checks the permissions of the user the server runs as.
 * So {@code tar -cf host:/backups/x.tar} writes {@code /backups/x.tar} as the ssh login, as it
 * did with GNU rmt. Regular files get {@link FileDevice}; character devices and FIFOs
 * {@link StreamDevice}. The tape library's folder is the drives' business only: plain-file
 * opens inside it are refused, as under a root.
 */
public final class HostFileProvider implements DeviceProvider {
    private final Path cwd;
    private final Path reserved;
    private final Path reservedReal;

    /**
     * Files on the host, relative names against {@code cwd}.
     *
     * @param reserved the tape library's folder, or {@code null} when there are no virtual tapes
     */
    public HostFileProvider(Path cwd, Path reserved) {
        this.cwd = cwd.toAbsolutePath();
        this.reserved = reserved == null ? null : reserved.toAbsolutePath().normalize();
        this.reservedReal = reserved == null ? null : RuleNames.real(this.reserved).orElse(this.reserved);
    }

    @Override
    public Optional<Device> open(String name, int flags) throws IOException {
        Path path = cwd.resolve(name);
        if (reserved != null && inReserved(path)) {
            throw new RmtException(Errno.EACCES);
        }
        if (Files.isDirectory(path)) {
            throw new RmtException(Errno.EISDIR);
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            return Optional.of(new StreamDevice(FileChannel.open(path, StreamDevice.options(flags)),
                    OpenFlags.accessMode(flags)));
        }
        FileChannel channel = FileChannel.open(path, FileProvider.options(flags), FileProvider.MODE_0644);
        // The file itself names the file system whose free space the headroom extension reports.
        return Optional.of(new FileDevice(channel, OpenFlags.accessMode(flags), (flags & OpenFlags.O_APPEND) != 0,
                path));
    }

    private boolean inReserved(Path path) {
        Path normal = path.normalize();
        return normal.startsWith(reserved) || RuleNames.real(normal).map(r -> r.startsWith(reservedReal)).orElse(false);
    }
}
