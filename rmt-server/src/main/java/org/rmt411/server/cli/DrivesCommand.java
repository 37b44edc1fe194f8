package org.rmt411.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.rmt411.server.tape.LibraryAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rmt-server drives [load|unload]}: which cartridge each drive holds, and moving
 * cartridges in and out by hand (mhvtl's {@code vtlcmd ... load/unload}). A drive a session has
 * open is shown with who has it, and refuses load and unload, as the server's own EBUSY.
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
        LibraryAdmin admin = options.admin();
        List<String> contents = admin.driveContents();
        for (int d = 0; d < contents.size(); d++) {
            String barcode = contents.get(d);
            String user = admin.user(d);
            out.printf("/dev/nst%d  %s%s%n", d, barcode == null ? "(empty)" : barcode,
                    user == null ? "" : "  in use (" + user + ")");
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
