package org.rmt411.client.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.rmt411.client.RemoteTarget;
import org.rmt411.client.tar.BackupInterruptedException;
import org.rmt411.client.tar.BackupOptions;
import org.rmt411.client.tar.Compression;
import org.rmt411.client.tar.Exclusions;
import org.rmt411.client.tar.Feedback;
import org.rmt411.client.tar.RemoteArchive;
import org.rmt411.client.tar.TarHabits;
import org.rmt411.client.tar.incremental.ListedIncremental;
import org.rmt411.client.volume.Volumes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backup}: like {@code tar -cf host:device PATH...}, streamed with no temporary file. */
@Command(name = "backup", description = "Write PATHs as a tar archive to a remote tape or file.")
final class BackupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HelpOptions help;

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

    @Option(names = {"-X", "--exclude-from"}, paramLabel = "FILE",
            description = "Leave out members matching the patterns in FILE, one per line (- for stdin; repeatable).")
    List<String> excludeFrom = new java.util.ArrayList<>();

    @Option(names = {"-T", "--files-from"}, paramLabel = "FILE",
            description = "Back up the names in FILE, one per line (- for stdin), as well as any PATH (repeatable).")
    List<String> filesFrom = new java.util.ArrayList<>();

    @Option(names = "--null", description = "-T and -X files hold NUL-terminated names, as GNU tar's --null.")
    boolean nul;

    @Option(names = {"-h", "--dereference"}, description = "Archive what symbolic links point to, not the links (tar -h).")
    boolean dereference;

    @Option(names = "--one-file-system", description = "Do not descend into folders on other file systems.")
    boolean oneFileSystem;

    @Option(names = {"-v", "--verbose"}, description = "Print each name on stdout as it is archived, as tar -cv.")
    boolean verbose;

    @Option(names = "--totals", description = "Print the total bytes written on stderr at the end, as GNU tar.")
    boolean totals;

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

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files and folders to back up.")
    List<Path> paths = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        int recordSize = TargetOptions.recordSize(cli, blockingFactor);
        List<Path> all = names(cli);
        RemoteTarget remote = target.target(cli);
        Exclusions exclusions = exclusions();
        RemoteArchive archive = new RemoteArchive(target.connector(remote), remote.path(), target.dialect(cli),
                recordSize);
        BackupOptions options = options(cli, exclusions, volumeOptions.volumes(target, remote, err), out, err);
        boolean showProgress = !quiet && (progress || ProgressMeter.stderrIsTerminal());
        ProgressMeter meter = showProgress ? new ProgressMeter(err, options.incremental() != null
                ? options.incremental().estimate(all, exclusions) : ProgressMeter.preScan(all, exclusions),
                System::nanoTime) : null;
        LongConsumer sink = meter != null ? meter : n -> { };
        long start = System.nanoTime();
        RemoteArchive.BackupResult result;
        SignalStop stop = new SignalStop(target.replyTimeout().plusSeconds(10));
        try {
            result = archive.backup(all, options, Feedback.SILENT.withProgress(sink)
                    .withWarnings(warning -> err.println("rmt-client: " + warning)).withStop(stop));
        } catch (java.io.IOException e) {
            if (!stop.getAsBoolean()) {
                throw e;
            }
            return stopped(e, remote, recordSize, out, err);
        } finally {
            stop.close(); // after anything is said: the JVM exits (128 + the signal) right after
        }
        if (meter != null) {
            meter.finish();
        }
        return finished(result, System.nanoTime() - start, remote, out, err);
    }

    private int finished(RemoteArchive.BackupResult result, long nanos, RemoteTarget remote, PrintWriter out,
            PrintWriter err) {
        out.flush();
        if (totals) {
            err.println(Totals.line(result.archiveBytes(), nanos));
        }
        if (verify) {
            err.println("rmt-client: verified " + result.archiveBytes() + " archive bytes on " + remote);
        }
        err.flush();
        return result.tar().problems() > 0 ? ExitCode.DIFFERENCES.code() : ExitCode.OK.code();
    }

    /** Tells the user a signal stopped the backup, and where. */
    private static int stopped(java.io.IOException e, RemoteTarget remote, int recordSize, PrintWriter out,
            PrintWriter err) {
        out.flush();
        err.println();
        err.println("rmt-client: " + (e instanceof BackupInterruptedException
                ? interrupted((BackupInterruptedException) e, remote, recordSize) : e.getMessage()));
        err.flush();
        return ExitCode.INTERRUPTED.code();
    }

    /** --exclude patterns, then those of each -X file. */
    private Exclusions exclusions() throws java.io.IOException {
        List<String> patterns = new java.util.ArrayList<>(excludes);
        for (String file : excludeFrom) {
            patterns.addAll(NameLists.read(file, nul, System.in));
        }
        return new Exclusions(patterns);
    }

    /** Where an interrupted archive ends, for the user who must decide what to do with it. */
    private static String interrupted(BackupInterruptedException e, RemoteTarget remote, int recordSize) {
        long bytes = e.archiveBytes();
        return "interrupted: " + remote + " holds a partial archive (no end-of-archive blocks): "
                + (bytes + recordSize - 1) / recordSize + " records of " + recordSize + " bytes (" + bytes + " bytes), "
                + (e.lastMember() == null ? "no member written whole"
                        : "the last member written whole is '" + e.lastMember() + "'")
                + "; the device was closed properly";
    }

    /** The names of each -T file, then the PATHs (as GNU tar with its options first); each must exist. */
    private List<Path> names(CommandLine cli) throws java.io.IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (String file : filesFrom) {
            NameLists.read(file, nul, System.in).forEach(name -> all.add(Path.of(name)));
        }
        all.addAll(paths);
        if (all.isEmpty()) {
            throw new CommandLine.ParameterException(cli, "Cowardly refusing to create an empty archive" /* GNU tar's words */);
        }
        for (Path path : all) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new CommandLine.ParameterException(cli, path + ": no such file or folder");
            }
        }
        return all;
    }

    /** The library's options from this command line; a combination GNU tar refuses is a usage error. */
    private BackupOptions options(CommandLine cli, Exclusions exclusions, Volumes volumes, PrintWriter out,
            PrintWriter err) {
        ListedIncremental incremental = snapshot == null ? null
                : new ListedIncremental(snapshot, level != null && level == 0);
        if (incremental == null && level != null) {
            err.println("rmt-client: --level is meaningless without --listed-incremental");
        }
        TarHabits habits = new TarHabits(dereference, oneFileSystem,
                verbose ? name -> out.println(name) : TarHabits.DEFAULT.verbose());
        try {
            return BackupOptions.DEFAULTS.withCompression(compression(cli)).withVerify(verify)
                    .withExclusions(exclusions).withVolumes(volumes).withIncremental(incremental).withHabits(habits);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }    }

    private Compression compression(CommandLine cli) {
        int chosen = (gzip ? 1 : 0) + (bzip2 ? 1 : 0) + (xz ? 1 : 0) + (zstd ? 1 : 0);
        if (chosen > 1) {
            throw new CommandLine.ParameterException(cli, "choose one compression: -z, -j, -J or --zstd");
        }
        return gzip ? Compression.GZIP : bzip2 ? Compression.BZIP2 : xz ? Compression.XZ
                : zstd ? Compression.ZSTD : Compression.NONE;
    }
}
