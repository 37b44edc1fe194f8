package org.rmt411.client.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rmt411.client.RemoteTarget;
import org.rmt411.client.tar.MemberSelection;
import org.rmt411.client.tar.Feedback;
import org.rmt411.client.tar.ListOptions;
import org.rmt411.client.tar.RemoteArchive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code list}: like {@code tar -tf host:device [-v]}; gzip is recognised by its magic. */
@Command(name = "list", description = "List a remote tar archive (or only the members NAMEs select).")
final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HelpOptions help;

    @Mixin
    TargetOptions target;

    @Mixin
    VolumeOptions volumeOptions;

    @Option(names = {"-v", "--verbose"}, description = "Long listing: mode, owner, size, mtime, name.")
    boolean verbose;

    @Option(names = {"-g", "--listed-incremental"}, paramLabel = "FILE",
            description = "Incremental archive: with -v, show each folder's dumpdir (FILE is not read; /dev/null is customary).")
    Path snapshot;

    @Option(names = {"-b", "--blocking-factor"}, paramLabel = "N", defaultValue = "20",
            description = "Record size in 512-byte blocks (default: ${DEFAULT-VALUE}).")
    int blockingFactor;

    @Mixin
    Selection selection;

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        RemoteTarget remote = target.target(cli);
        RemoteArchive archive = new RemoteArchive(target.connector(remote), remote.path(), target.dialect(cli),
                TargetOptions.recordSize(cli, blockingFactor));
        MemberSelection chosen = selection.members(cli.getErr());
        archive.list(cli.getOut(), ListOptions.DEFAULTS.withVerbose(verbose).withIncremental(snapshot != null)
                .withSelection(chosen).withVolumes(volumeOptions.volumes(target, remote, cli.getErr())),
                Feedback.SILENT.withWarnings(warning -> cli.getErr().println("rmt-client: " + warning)));
        return selection.reportNotFound(chosen, cli.getErr()) ? ExitCode.DIFFERENCES.code() : ExitCode.OK.code();
    }
}
