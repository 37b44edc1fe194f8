package org.rmt411.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import org.rmt411.client.tar.RemoteArchive;
import org.rmt411.protocol.RmtException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rmt-client}: tar to remote tapes, mt, bridge and probe. Exit codes: {@link ExitCode}. */
@Command(name = "rmt-client", mixinStandardHelpOptions = true, versionProvider = ClientMain.Version.class,
        description = "Back up to, list and restore from remote tapes and files over rmt; drive tapes like mt;"
                + " speak rmt by hand (console).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:done, but something differs or was skipped",
            "2:usage error", "3:local error", "4:remote error (server refused, connection or protocol failure)",
            "130:backup stopped by SIGINT (143: by SIGTERM), the device closed properly"})
public final class ClientMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams; returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(args.length > 0 ? args[0] : "");
        cli.setOut(out).setErr(err);
        cli.setParameterExceptionHandler(ClientMain::usageError);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("rmt-client: " + message(e));
            line.getErr().flush();
            return exitCode(e).code();
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * A usage error in one line and a pointer to the help, as GNU tools do, instead of
     * picocli's default of the message followed by the whole help text.
     */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine bad = e.getCommandLine();
        PrintWriter err = bad.getErr();
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException) {
            List<String> unmatched = ((CommandLine.UnmatchedArgumentException) e).getUnmatched();
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            message = (first.startsWith("-") ? "unknown option '" : "unexpected argument '") + first + "'";
        }
        err.println("rmt-client: " + message);
        err.println("Try '" + bad.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** The command line for arguments starting with {@code first} (see {@link #addSubcommands}). */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new ClientMain());
        addSubcommands(cli, first);
        return cli;
    }

    /**
     * Registers only the subcommand the first argument names, or all of them when it names none
     * (top-level help, usage errors). picocli builds each subcommand's model by reflection when it
     * is added; skipping the five that will not run takes about 0.05 s off every invocation
     * (measured on a tiny backup), start-up that no transfer can hide.
     */
    private static void addSubcommands(CommandLine cli, String first) {
        Object[] all = {new BackupCommand(), new ListCommand(), new RestoreCommand(), new MtCommand(),
            new BridgeCommand(), new ProbeCommand(), new ConsoleCommand()};
        for (Object command : all) {
            if (commandName(command).equals(first)) {
                cli.addSubcommand(command);
                return;
            }
        }
        for (Object command : all) {
            cli.addSubcommand(command);
        }
    }

    private static String commandName(Object command) {
        return command.getClass().getAnnotation(Command.class).name();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed");
    }

    /** Which exit code an exception means. */
    static ExitCode exitCode(Throwable e) {
        if (e instanceof RemoteArchive.VerifyException) {
            return ExitCode.DIFFERENCES;
        }
        if (e instanceof RmtException || e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof SocketTimeoutException || e instanceof NoRouteToHostException) {
            return ExitCode.REMOTE_ERROR;
        }
        if (e instanceof IOException || e instanceof java.io.UncheckedIOException) {
            return ExitCode.LOCAL_ERROR;
        }
        return ExitCode.LOCAL_ERROR;
    }

    static String message(Throwable e) {
        if (e instanceof UnknownHostException && (e.getMessage() == null || !e.getMessage().startsWith("cannot"))) {
            return "cannot resolve host " + e.getMessage();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** The command and every subcommand, as the man pages and bash completion describe them. */
    public static CommandLine commandModel() {
        return commandLine("");
    }

    /** Version from the jar manifest, if any. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ClientMain.class.getPackage().getImplementationVersion();
            return new String[] {"rmt-client " + (v == null ? "(development build)" : v)};
        }
    }
}
