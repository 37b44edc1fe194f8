package org.rmt411.server.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.rmt411.server.access.AccessPolicy;
import org.rmt411.server.config.ConfigException;
import org.rmt411.server.config.ConfigFile;
import org.rmt411.server.config.PolicyFile;
import org.rmt411.server.logging.LogMode;
import org.rmt411.server.logging.LogOptions;

/**
 * Finds the configuration file the arguments call for and reads it, before logging starts and
 * before either parser runs (both take the file's settings as their defaults): the
 * {@code --config FILE}, else for {@code --rmt} the system file when it exists; then the
 * {@code --policy FILE}, whose rules go before the configuration file's. An operator
 * subcommand first ({@code cartridge list}) reads none.
 *
 * @param file what was read ({@link ConfigFile#NONE} when none, or when it failed)
 * @param problem the one-line reason it cannot be used ({@code FILE:LINE: ...}), or {@code null}
 * @param rmt whether {@code --rmt} was given (its errors must reach a remote-shell client)
 */
record ConfigLoad(ConfigFile file, String problem, boolean rmt) {
    /** The system configuration that {@code --rmt} reads. */
    static final Path SYSTEM = Path.of("/etc/rmt411/rmt411.conf");

    /** Reads the file {@code args} call for; the log settings are dropped when {@code args} set logging. */
    static ConfigLoad of(String... args) {
        Path given = null;
        Path policy = null;
        boolean rmt = false;
        boolean logGiven = false;
        if (args.length == 0 || !args[0].startsWith("-")) {
            return new ConfigLoad(ConfigFile.NONE, null, false);
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--config") && i + 1 < args.length) {
                given = Path.of(args[++i]);
            } else if (arg.startsWith("--config=")) {
                given = Path.of(arg.substring("--config=".length()));
            } else if (arg.equals("--policy") && i + 1 < args.length) {
                policy = Path.of(args[++i]);
            } else if (arg.startsWith("--policy=")) {
                policy = Path.of(arg.substring("--policy=".length()));
            } else if (arg.equals("--rmt")) {
                rmt = true;
            } else if (arg.equals("--log") || arg.startsWith("--log=") || arg.startsWith("--log-file")) {
                logGiven = true;
            }
        }
        ConfigLoad config = read(given, rmt, logGiven);
        return policy == null ? config : config.withPolicy(policy);
    }

    private static ConfigLoad read(Path given, boolean rmt, boolean logGiven) {
        Path path = given != null ? given : rmt && Files.exists(SYSTEM, LinkOption.NOFOLLOW_LINKS) ? SYSTEM : null;
        if (path == null) {
            return new ConfigLoad(ConfigFile.NONE, null, rmt);
        }
        if (path.toString().isEmpty()) {
            return new ConfigLoad(ConfigFile.NONE, "--config: the file name is empty", rmt);
        }
        try {
            ConfigFile file = ConfigKeys.read(path);
            return new ConfigLoad(logGiven ? withoutLogging(file) : file, null, rmt);
        } catch (ConfigException e) {
            return new ConfigLoad(ConfigFile.NONE, e.getMessage(), rmt);
        }
    }

    /**
     * This file with the rules of the {@code --policy} file tried before its own: the command
     * line comes first, as its options override the file's settings.
     */
    private ConfigLoad withPolicy(Path policy) {
        if (problem != null) {
            return this;
        }
        if (policy.toString().isEmpty()) {
            return new ConfigLoad(ConfigFile.NONE, "--policy: the file name is empty", rmt);
        }
        try {
            AccessPolicy rules = AccessPolicy.combined(PolicyFile.read(policy), file.access());
            return new ConfigLoad(new ConfigFile(file.source(), file.settings(), rules), null, rmt);
        } catch (ConfigException e) {
            return new ConfigLoad(ConfigFile.NONE, e.getMessage(), rmt);
        }
    }

    /**
     * The command line's {@code --log}/{@code --log-file} replace the file's pair as a whole:
     * mixing them ({@code --log none} with the file's {@code log-file}) would be a conflict
     * nobody wrote.
     */
    private static ConfigFile withoutLogging(ConfigFile file) {
        Map<String, ConfigFile.Setting> settings = new HashMap<>(file.settings());
        settings.remove("log");
        settings.remove("log-file");
        return new ConfigFile(file.source(), settings, file.access());
    }

    /**
     * Says where a log destination that cannot be used came from: {@code FILE:LINE: log-file = X:
     * reason} when the file chose it, the option's words ({@code --log-file X: reason}) otherwise.
     */
    String explain(String logProblem, String... args) {
        if (!LogOptions.scan(args).equals(LogOptions.AUTO)) {
            return logProblem;
        }
        for (String key : new String[] {"log-file", "log"}) {
            ConfigFile.Setting setting = file.settings().get(key);
            if (setting != null && logProblem.startsWith("--" + key + " ")) {
                return file.source() + ":" + setting.line() + ": " + key + " = "
                        + logProblem.substring(key.length() + 3);
            }
        }
        return logProblem;
    }

    /** Where logs go: the command line's choice when it makes one, else the file's. */
    LogOptions logOptions(String... args) {
        LogOptions given = LogOptions.scan(args);
        if (!given.equals(LogOptions.AUTO) || (file.value("log").isEmpty() && file.value("log-file").isEmpty())) {
            return given;
        }
        LogOptions fromFile = new LogOptions(file.value("log").map(LogMode::parse).orElse(LogMode.AUTO),
                file.value("log-file").map(Path::of).orElse(null));
        return fromFile.problem() == null ? fromFile : given;
    }
}
