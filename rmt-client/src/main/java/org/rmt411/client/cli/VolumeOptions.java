package org.rmt411.client.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.regex.Pattern;
import org.rmt411.client.RemoteTarget;
import org.rmt411.client.volume.NewVolumeScript;
import org.rmt411.client.volume.TerminalPrompt;
import org.rmt411.client.volume.VolumeChanger;
import org.rmt411.client.volume.Volumes;
import picocli.CommandLine.Option;

/**
 * {@code -M} and {@code -F} as GNU tar has them, shared by backup, list and restore. The next
 * volume comes from the script when one is given; else, on an rmt411 virtual drive reached over
 * TCP, from the autoloader after {@code mt offline}; else from a person at the terminal.
 */
public final class VolumeOptions {
    /** rmt411's virtual drives (and st's names): /dev/st0, /dev/nst0, ... */
    private static final Pattern TAPE_DRIVE = Pattern.compile("/dev/n?st[0-9]+");

    @Option(names = {"-M", "--multi-volume"},
            description = "Multi-volume archive: at end of tape go on with the next volume, as GNU tar -M.")
    boolean multiVolume;

    @Option(names = {"-F", "--new-volume-script", "--info-script"}, paramLabel = "SCRIPT",
            description = "Run SCRIPT at each volume change, with GNU tar's TAR_* variables (implies -M).")
    String script;

    /** The volumes these options ask for. */
    Volumes volumes(TargetOptions target, RemoteTarget remote, PrintWriter err) {
        if (!multiVolume && script == null) {
            return Volumes.SINGLE;
        }
        return Volumes.multi(changer(target, remote, err));
    }

    private VolumeChanger changer(TargetOptions target, RemoteTarget remote, PrintWriter err) {
        if (script != null) {
            return new NewVolumeScript(script, remote.toString(), version());
        }
        if (target.rshCommand == null && TAPE_DRIVE.matcher(remote.path()).matches()) {
            return VolumeChanger.unloadDrive();
        }
        if (System.console() != null) {
            return new TerminalPrompt(remote.toString(), new BufferedReader(System.console().reader()), err);
        }
        return request -> {
            throw new IOException("no volume #" + request.volume() + " for " + remote
                    + ": give -F SCRIPT, or run on a terminal to be asked");
        };
    }

    private static String version() {
        String v = VolumeOptions.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }
}
