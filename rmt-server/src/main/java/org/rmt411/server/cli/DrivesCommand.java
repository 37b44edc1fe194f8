package org.rmt411.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rmt-server drives [load|unload]}: which cartridge each drive holds, and moving
 * cartridges in and out by hand (mhvtl's {@code vtlcmd ... load/unload}). A drive in use
 * answers busy, as the server's own EBUSY.
 */
@Command(name = "drives", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Show which cartridge each virtual drive holds; load or unload one.")
final class DrivesCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private LibraryOptions options;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<String> contents = options.admin().driveContents();
        for (int d = 0; d < contents.size(); d++) {
            String barcode = contents.get(d);
            out.printf("/dev/nst%d  %s%n", d, barcode == null ? "(empty)" : barcode);
        }
        return 0;
    }

    @Command(name = "load", description = "Load a cartridge into a drive, at BOT.")
    int load(@Mixin LibraryOptions options, @Parameters(paramLabel = "DRIVE") int drive, @Parameters(paramLabel = "BARCODE") String barcode)
            throws IOException {
        options.admin().load(drive, barcode);
        spec.commandLine().getOut().printf("/dev/nst%d  %s%n", drive, barcode);
        return 0;
    }

    @Command(name = "unload", description = "Take the cartridge out of a drive.")
    int unload(@Mixin LibraryOptions options, @Parameters(paramLabel = "DRIVE") int drive) throws IOException {
        options.admin().unload(drive);
        spec.commandLine().getOut().printf("/dev/nst%d  (empty)%n", drive);
        return 0;
    }
}
