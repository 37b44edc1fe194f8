package org.rmt411.server.cli;

import java.io.IOException;
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
                    + " (the configuration file's library), or s3://BUCKET/PREFIX.")
    Path library;

    @Mixin
    TapeOptions tapes;

    @Mixin
    S3Options s3;

    TapeLibrary library() throws IOException {
        return library != null ? s3.library(library, root.resolve(TapeLibrary.FOLDER), tapes.settings(), false)
                : new TapeLibrary(root, tapes.settings());
    }

    LibraryAdmin admin() throws IOException {
        return new LibraryAdmin(library());
    }
}
