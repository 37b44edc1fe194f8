package org.rmt411.client.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.rmt411.client.RemoteTarget;
import org.rmt411.client.tar.BackupOptions;
import org.rmt411.client.tar.Compression;
import org.rmt411.client.tar.Exclusions;
import org.rmt411.client.tar.Feedback;
import org.rmt411.client.tar.RemoteArchive;
import org.rmt411.client.tar.incremental.ListedIncremental;
import org.rmt411.client.volume.Volumes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backup}: like {@code tar -cf host:device PATH...}, streamed with no temporary file. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write PATHs as a tar archive to a remote tape or file.")
final class BackupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    VolumeOptions volumeOptions;

    @Option(names = {"-b", "--blocking-factor"}, paramLabel = "N", defaultValue = "20",
            description = "Record size in 512-byte blocks (default: ${DEFAULT-VALUE}, 10240 bytes).")
    int blockingFactor;

    @Option(names = {"-z", "--gzip"}, description = "Compress the archive with gzip.")
    boolean gzip;

    @Option(names = {"-j", "--bzip2"}, description = "Compress the archive with bzip2.")
    boolean bzip2;

    @Option(names = {"-J", "--xz"}, description = "Compress the archive with xz.")
    boolean xz;

    @Option(names = "--zstd", description = "Compress the archive with zstd.")
    boolean zstd;

    @Option(names = {"-W", "--verify"}, description = "Read the archive back and compare it with what was written.")
    boolean verify;

    @Option(names = "--exclude", paramLabel = "PATTERN",
            description = "Leave out members matching this shell wildcard, at any depth (repeatable), as GNU tar.")
    List<String> excludes = new java.util.ArrayList<>();

    @Option(names = {"-g", "--listed-incremental"}, paramLabel = "FILE",
            description = "Incremental backup against GNU tar's snapshot FILE (read, then rewritten for the next level).")
    Path snapshot;

    @Option(names = "--level", paramLabel = "N",
            description = "With -g: level 0 empties the snapshot FILE first, forcing a full dump (as GNU tar).")
    Integer level;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = "--progress", description = "Show the progress bar even when stderr is not a terminal.")
    boolean progress;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files and folders to back up.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        PrintWriter err = cli.getErr();
        int recordSize = TargetOptions.recordSize(cli, blockingFactor);
        for (Path path : paths) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new CommandLine.ParameterException(cli, path + ": no such file or folder");
            }
        }
        RemoteTarget remote = target.target(cli);
        Exclusions exclusions = new Exclusions(excludes);
        RemoteArchive archive = new RemoteArchive(target.connector(remote), remote.path(), target.dialect(cli),
                recordSize);
        ListedIncremental incremental = snapshot == null ? null : new ListedIncremental(snapshot, level != null && level == 0);
        if (incremental == null && level != null) {
            err.println("rmt-client: --level is meaningless without --listed-incremental");
        }
        BackupOptions options = options(cli, exclusions, volumeOptions.volumes(target, remote, err))
                .withIncremental(incremental);
        boolean showProgress = !quiet && (progress || ProgressMeter.stderrIsTerminal());
        ProgressMeter meter = showProgress
                ? new ProgressMeter(err, incremental != null ? incremental.estimate(paths, exclusions)
                        : ProgressMeter.preScan(paths, exclusions), System::nanoTime) : null;
        LongConsumer sink = meter != null ? meter : n -> { };
        RemoteArchive.BackupResult result = archive.backup(paths, options,
                Feedback.SILENT.withProgress(sink).withWarnings(warning -> err.println("rmt-client: " + warning)));
        if (meter != null) {
            meter.finish();
        }
        if (verify) {
            err.println("rmt-client: verified " + result.archiveBytes() + " archive bytes on " + remote);
        }
        err.flush();
        return result.tar().problems() > 0 ? ExitCode.DIFFERENCES.code() : ExitCode.OK.code();
    }

    private BackupOptions options(CommandLine cli, Exclusions exclusions, Volumes volumes) {
        try {
            return BackupOptions.DEFAULTS.withCompression(compression(cli)).withVerify(verify)
                    .withExclusions(exclusions).withVolumes(volumes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }

    private Compression compression(CommandLine cli) {
        int chosen = (gzip ? 1 : 0) + (bzip2 ? 1 : 0) + (xz ? 1 : 0) + (zstd ? 1 : 0);
        if (chosen > 1) {
            throw new CommandLine.ParameterException(cli, "choose one compression: -z, -j, -J or --zstd");
        }
        return gzip ? Compression.GZIP : bzip2 ? Compression.BZIP2 : xz ? Compression.XZ
                : zstd ? Compression.ZSTD : Compression.NONE;
    }
}
