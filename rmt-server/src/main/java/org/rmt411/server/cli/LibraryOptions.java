package org.rmt411.server.cli;

import java.nio.file.Path;
import org.rmt411.server.tape.LibraryAdmin;
import org.rmt411.server.tape.TapeLibrary;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --root} plus the library options, for the operator subcommands. */
final class LibraryOptions {
    @Option(names = "--root", defaultValue = "./tapes", paramLabel = "DIR",
            description = "The server's root folder; the library is its '" + TapeLibrary.FOLDER
                    + "' folder (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--library", paramLabel = "DIR",
            description = "The library's folder, when it is not ROOT/" + TapeLibrary.FOLDER
                    + " (the configuration file's library).")
    Path library;

    @Mixin
    TapeOptions tapes;

    TapeLibrary library() {
        return library != null ? TapeLibrary.inFolder(library, tapes.settings(), false)
                : new TapeLibrary(root, tapes.settings());
    }

    LibraryAdmin admin() {
        return new LibraryAdmin(library());
    }
}
