package org.rmt411.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A fake remote shell as tar, cpio and mt call one ({@code RSH host [-l user] COMMAND}): it drops
 * host and user and runs the command here, so {@code /usr/sbin/rmt} is whatever the rmt
 * alternative points at, exactly as on a real tape host reached with ssh.
 */
final class FakeRsh {
    private FakeRsh() {
    }

    /** Writes {@code dir/fakersh}. */
    static Path write(Path dir) throws IOException {
        Path script = dir.resolve("fakersh");
        Files.writeString(script, String.join("\n", "#!/bin/sh", "shift",
                "if [ \"$1\" = \"-l\" ]; then shift 2; fi", "exec sh -c \"$*\"", ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
