package org.rmt411.client.volume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * GNU tar's {@code -F}/{@code --new-volume-script}: runs {@code /bin/sh -c SCRIPT} at each volume
 * change with the environment GNU tar 1.34 gives it ({@code sys_exec_info_script}):
 * {@code TAR_VERSION}, {@code TAR_ARCHIVE}, {@code TAR_VOLUME} (the volume wanted),
 * {@code TAR_BLOCKING_FACTOR}, {@code TAR_SUBCOMMAND} ({@code -c}, {@code -t}, {@code -x}),
 * {@code TAR_FORMAT} and {@code TAR_FD}, a descriptor where the script may write the name of
 * the next archive. A script that exits non-zero ends the operation, as in GNU tar.
 */
public final class NewVolumeScript implements VolumeChanger {
    /** The descriptor the script finds in {@code TAR_FD}. */
    private static final int NAME_FD = 3;

    private final String script;
    private final String archive;
    private final String version;

    /**
     * @param script the shell command
     * @param archive the archive as the user named it, for {@code TAR_ARCHIVE}
     * @param version what {@code TAR_VERSION} says (this client's version)
     */
    public NewVolumeScript(String script, String archive, String version) {
        this.script = script;
        this.archive = archive;
        this.version = version;
    }

    @Override
    public String prepare(VolumeRequest request) throws IOException {
        Path nameFile = Files.createTempFile("rmt-client-volume", ".name");
        try {
            // Java cannot hand a child an arbitrary pipe, so a shell opens descriptor 3 on a file
            // and then runs the script the way GNU tar does (/bin/sh -c SCRIPT).
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c",
                    "exec " + NAME_FD + ">\"$0\" && exec /bin/sh -c \"$1\"", nameFile.toString(), script)
                    .inheritIO();
            environment(builder.environment(), request);
            Process process = builder.start();
            int status = waitFor(process);
            if (status != 0) {
                throw new IOException("'" + script + "' command failed (exit status " + status + ")");
            }
            String name = Files.readString(nameFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            return name.isEmpty() ? request.device() : deviceOf(name, request);
        } finally {
            Files.deleteIfExists(nameFile);
        }
    }

    private void environment(Map<String, String> env, VolumeRequest request) {
        env.put("TAR_VERSION", version);
        env.put("TAR_ARCHIVE", archive);
        env.put("TAR_VOLUME", String.valueOf(request.volume()));
        env.put("TAR_BLOCKING_FACTOR", String.valueOf(request.blockingFactor()));
        env.put("TAR_SUBCOMMAND", request.subcommand().option());
        // The volumes carry GNU-format 'M' headers, so the set is GNU tar's "gnu" multi-volume kind.
        env.put("TAR_FORMAT", "gnu");
        env.put("TAR_FD", String.valueOf(NAME_FD));
    }

    /** The script's answer names the next archive: a path on the same server, or host:path. */
    private String deviceOf(String name, VolumeRequest request) throws IOException {
        int colon = name.indexOf(':');
        int slash = name.indexOf('/');
        if (colon < 0 || (slash >= 0 && slash < colon)) {
            return name;
        }
        String host = name.substring(0, colon);
        String ourHost = archive.contains(":") ? archive.substring(0, archive.indexOf(':')) : host;
        if (!host.equals(ourHost)) {
            throw new IOException("'" + script + "' named " + name + " for volume " + request.volume()
                    + ": the next volume must be on " + ourHost);
        }
        return name.substring(colon + 1);
    }

    private static int waitFor(Process process) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while '" + process.info().command().orElse("script") + "' ran", e);
        }
    }
}
