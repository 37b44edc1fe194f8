package org.rmt411.client.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rmt411.client.RemoteTarget;
import org.rmt411.client.tar.Feedback;
import org.rmt411.client.tar.Owners;
import org.rmt411.client.tar.RemoteArchive;
import org.rmt411.client.tar.RestoreOptions;
import org.rmt411.client.tar.SafeExtractor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code restore}: like {@code tar -xf host:device [-C DIR] [PATH...]}, never outside DIR. */
@Command(name = "restore", description = "Extract a remote tar archive (or only the members NAMEs select) safely under a folder.")
final class RestoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HelpOptions help;

    @Mixin
    TargetOptions target;

    @Mixin
    VolumeOptions volumeOptions;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", defaultValue = ".",
            description = "Folder to extract into (default: the current folder).")
    Path directory;

    @Option(names = {"-v", "--verbose"}, description = "Print each extracted name on stdout.")
    boolean verbose;

    @Option(names = {"-g", "--listed-incremental"}, paramLabel = "FILE",
            description = "Apply the dumpdirs of a GNU incremental archive: renames, and deletion of files absent when it was made (FILE is not read; /dev/null is customary).")
    Path snapshot;

    @Option(names = {"-b", "--blocking-factor"}, paramLabel = "N", defaultValue = "20",
            description = "Record size in 512-byte blocks (default: ${DEFAULT-VALUE}).")
    int blockingFactor;

    @Option(names = "--same-owner", negatable = true,
            description = "Give members the archive's owner and group (default: only when run as root, as GNU tar).")
    Boolean sameOwner;

    @Option(names = "--numeric-owner", description = "Restore owners by numeric id, ignoring the names.")
    boolean numericOwner;

    @Mixin
    Selection selection;

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        RemoteTarget remote = target.target(cli);
        RemoteArchive archive = new RemoteArchive(target.connector(remote), remote.path(), target.dialect(cli),
                TargetOptions.recordSize(cli, blockingFactor));
        RestoreOptions options = RestoreOptions.DEFAULTS.withSelection(selection.members(err)).withOwners(ownerMode())
                .withIncremental(snapshot != null).withVolumes(volumeOptions.volumes(target, remote, err));
        SafeExtractor.Result result = archive.restore(directory, options,
                Feedback.SILENT.withWarnings(warning -> err.println("rmt-client: " + warning)).withNames(name -> {
                    if (verbose) {
                        out.println(name);
                    }
                }));
        out.flush();
        err.flush();
        return result.refused() > 0 || result.ownersNotRestored() > 0
                ? ExitCode.DIFFERENCES.code() : ExitCode.OK.code();
    }

    private Owners.Mode ownerMode() {
        boolean same = sameOwner != null ? sameOwner : Owners.defaultMode() != Owners.Mode.NONE;
        if (!same) {
            return Owners.Mode.NONE;
        }
        return numericOwner ? Owners.Mode.NUMERIC : Owners.Mode.NAMES;
    }
}
