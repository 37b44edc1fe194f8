package org.rmt411.server.cli;

import org.rmt411.server.tape.ByteSize;
import org.rmt411.server.tape.TapeLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The virtual tape library options, shared by the server and the operator subcommands. */
final class TapeOptions {
    @Option(names = "--drives", defaultValue = "1", paramLabel = "N", converter = Converters.Number.class,
            description = "Virtual tape drives /dev/nst0../dev/nst<N-1> (default: ${DEFAULT-VALUE}).")
    int drives;

    @Option(names = "--capacity", defaultValue = "8G", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Capacity of blank cartridges the autoloader makes, image bytes (default: ${DEFAULT-VALUE}; 0 = unlimited).")
    long capacity;

    @Option(names = "--early-warning", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Early-warning zone before the end of those cartridges (default: 2M, mhvtl's, "
                    + "or 1/8 of --capacity when that is smaller).")
    Long earlyWarning;

    @Option(names = "--autoloader", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "After mt offline, load the next cartridge of the magazine, making a blank one "
                    + "when none is left (default: on; --no-autoloader leaves the drive empty).")
    boolean autoloader;

    /** The early-warning zone, given or derived from the capacity. */
    long earlyWarning() {
        return earlyWarning != null ? earlyWarning : defaultEarlyWarning(capacity);
    }

    /** mhvtl's 2 MiB, or 1/8 of a smaller capacity. */
    static long defaultEarlyWarning(long capacity) {
        long standard = 2L << 20;
        return capacity > 0 ? Math.min(standard, capacity / 8) : standard;
    }

    /** What is wrong with {@code settings}, or {@code null}. */
    static String problem(TapeLibrary.Settings settings) {
        if (settings.drives() < 1 || settings.drives() > 1000) {
            return "--drives " + settings.drives() + ": expected 1 to 1000";
        }
        if (settings.capacity() > 0 && settings.earlyWarning() >= settings.capacity()) {
            return "--early-warning must be below --capacity";
        }
        return null;
    }

    TapeLibrary.Settings settings() {
        return new TapeLibrary.Settings(drives, capacity, earlyWarning(), autoloader);
    }

    void validate(CommandLine commandLine) {
        String problem = problem(settings());
        if (problem != null) {
            throw new CommandLine.ParameterException(commandLine, problem);
        }
    }

    /** Parses {@code 1048576}, {@code 64K}, {@code 512M}, {@code 8G}. */
    static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return ByteSize.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected a size such as 1048576, 64K, 512M or 8G");
            }
        }
    }
}
