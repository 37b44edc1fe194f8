package org.rmt411.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.rmt411.server.tape.ByteSize;
import org.rmt411.server.tape.CartridgeInfo;
import org.rmt411.server.tape.LibraryAdmin;
import org.rmt411.server.tape.TapeLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rmt-server cartridge create|list|protect|unprotect|import|export}: the operator's
 * tools for virtual cartridges, in the spirit of mhvtl's {@code mktape} and Hercules'
 * {@code hetinit}. They work on the files, so they also work while no server runs; one that would
 * change a cartridge a session has open is refused, naming the session.
 */
@Command(name = "cartridge", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Create, list, protect, import and export virtual tape cartridges (SIMH .tap images).")
final class CartridgeCommand {
    @Spec
    private CommandSpec spec;

    @Command(name = "create", description = "Create a blank cartridge.")
    int create(@Mixin LibraryOptions options, @Parameters(paramLabel = "BARCODE", arity = "0..1",
                    description = "Label, 1-16 of A-Z 0-9 (default: the next VTnnnn).") String barcode,
            @Option(names = "--write-protect", description = "Set the write-protect tab.") boolean protect)
            throws IOException {
        options.tapes.validate(spec.commandLine());
        TapeLibrary library = options.library();
        String label = barcode != null ? barcode : library.nextBarcode();
        library.create(label, options.tapes.capacity, options.tapes.earlyWarning(), protect);
        out().printf("created %s (capacity %s, early warning %s%s)%n", label, ByteSize.format(options.tapes.capacity),
                ByteSize.format(options.tapes.earlyWarning()), protect ? ", write-protected" : "");
        return 0;
    }

    @Command(name = "list", description = "List cartridges and what each holds.")
    int list(@Mixin LibraryOptions options) throws IOException {
        LibraryAdmin admin = options.admin();
        java.util.List<String> barcodes = admin.barcodes();
        PrintWriter out = out();
        out.printf("%-16s %6s %5s %9s %12s %8s %9s %9s %8s %s%n", "BARCODE", "FILES", "MARKS", "RECORDS",
                "DATA BYTES", "USED", "CAPACITY", "PROTECT", "LOADS", "DRIVE");
        for (String barcode : barcodes) {
            CartridgeInfo c = admin.describe(barcode);
            out.printf("%-16s %6d %5d %9d %12d %8s %9s %9s %8d %s%n", c.barcode(), c.files(), c.filemarks(),
                    c.records(), c.dataBytes(), ByteSize.format(c.imageBytes()), ByteSize.format(c.capacity()),
                    c.writeProtected() ? "yes" : "no", c.loadCount(), c.drive() < 0 ? "-" : "nst" + c.drive());
        }
        return 0;
    }

    @Command(name = "protect", description = "Set the write-protect tab.")
    int protect(@Mixin LibraryOptions options, @Parameters(paramLabel = "BARCODE") String barcode) throws IOException {
        options.admin().protect(barcode, true);
        out().println(barcode + " write-protected");
        return 0;
    }

    @Command(name = "unprotect", description = "Clear the write-protect tab.")
    int unprotect(@Mixin LibraryOptions options, @Parameters(paramLabel = "BARCODE") String barcode) throws IOException {
        options.admin().protect(barcode, false);
        out().println(barcode + " writable");
        return 0;
    }

    @Command(name = "import", description = "Copy a plain SIMH .tap file into the library (refused unless every "
            + "object in it is whole).")
    int importImage(@Mixin LibraryOptions options, @Parameters(paramLabel = "FILE") Path file,
            @Parameters(paramLabel = "BARCODE", arity = "0..1", description = "Label (default: the next VTnnnn).")
            String barcode,
            @Option(names = "--write-protect", description = "Set the write-protect tab.") boolean protect)
            throws IOException {
        String label = barcode != null ? barcode : options.library().nextBarcode();
        CartridgeInfo c = options.admin().importImage(file, label, options.tapes.capacity,
                options.tapes.earlyWarning(), protect);
        out().printf("imported %s as %s (%d files, %d records, %d data bytes)%n", file, label, c.files(),
                c.records(), c.dataBytes());
        return 0;
    }

    @Command(name = "export", description = "Write a cartridge to a plain SIMH .tap file (up to its end of data).")
    int exportImage(@Mixin LibraryOptions options, @Parameters(paramLabel = "BARCODE") String barcode, @Parameters(paramLabel = "FILE") Path file)
            throws IOException {
        long bytes = options.admin().exportImage(barcode, file);
        out().println("exported " + barcode + " to " + file + " (" + bytes + " bytes)");
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
