package org.rmt411.server.cli;

import org.rmt411.server.config.ConfigFile;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives picocli the configuration file's settings as the defaults of the options of the same
 * name, so they go through the options' own converters and the command line overrides them.
 * It answers for the operator subcommands too: {@code --config FILE cartridge list} works on
 * the library the file names.
 */
final class FileDefaults implements CommandLine.IDefaultValueProvider {
    private final ConfigFile file;

    FileDefaults(ConfigFile file) {
        this.file = file;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec) || file.settings().isEmpty()) {
            return null;
        }
        String name = ((OptionSpec) argSpec).longestName();
        return name.startsWith("--") ? file.value(name.substring(2)).orElse(null) : null;
    }
}
