package org.rmt411.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Small executable shell scripts the interop tests hand to stock tools. */
public final class Scripts {
    private Scripts() {
    }

    /**
     * A fake remote shell: called as {@code RSH host [-l user] command}, it runs the command here,
     * so tests reach a local rmt the way tar reaches a remote one (nothing leaves the machine).
     */
    public static Path fakeRsh(Path dir) throws IOException {
        return write(dir.resolve("fakersh"), "#!/bin/sh\nshift\nif [ \"$1\" = \"-l\" ]; then shift 2; fi\nexec \"$@\"\n");
    }

    /** A one-line wrapper making {@code rmt-client bridge} usable as tar's --rsh-command. */
    public static Path bridge(Path dir, Path jar, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return write(dir.resolve("rmt411-bridge"),
                "#!/bin/sh\nexec '" + java + "' -jar '" + jar + "' bridge --port " + port + " \"$@\"\n");
    }

    /** The same wrapper for {@code bridge --tls} with {@code options} (--cacert FILE, --cert FILE ...). */
    public static Path tlsBridge(Path dir, Path jar, int port, String... options) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder quoted = new StringBuilder();
        for (String option : options) {
            quoted.append(" '").append(option).append('\'');
        }
        return write(dir.resolve("rmt411-tls-bridge"),
                "#!/bin/sh\nexec '" + java + "' -jar '" + jar + "' bridge --tls" + quoted + " --port " + port
                        + " \"$@\"\n");
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
