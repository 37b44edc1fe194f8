package org.rmt411.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.rmt411.client.cli.ClientMain;
import org.rmt411.server.cli.ServerMain;
import picocli.CommandLine;

/**
 * Build step of the dist module (run by the build, not shipped): generates the man pages, bash
 * completions and Debian changelog that the .deb and the .tar.gz install, from the compiled
 * command classes.
 *
 * <p>Arguments: {@code OUTDIR MAVEN_VERSION MAINTAINER HANDWRITTEN_ADOC_DIR}. Writes
 * {@code OUTDIR/man/manN/*.N.gz}, {@code OUTDIR/completion/rmt411{,d}} and
 * {@code OUTDIR/doc/changelog.gz}.
 */
public final class BuildDocs {
    /** The client's command on the PATH; its man pages go to section 1 (user commands). */
    static final String CLIENT = "rmt411";
    /** The server's command on the PATH; section 8 (system administration), as rmt(8). */
    static final String SERVER = "rmt411d";

    private BuildDocs() {
    }

    /** Runs the step; any failure fails the build with its message. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: BuildDocs OUTDIR MAVEN_VERSION MAINTAINER ADOC_DIR");
        }
        Path out = Path.of(args[0]);
        CommandLine server = ServerMain.commandModel().setCommandName(SERVER);
        CommandLine client = ClientMain.commandModel().setCommandName(CLIENT);
        Path adoc = out.resolve("adoc");
        ManPages.write(adoc, server, 8);
        ManPages.write(adoc, client, 1);
        copyHandwritten(Path.of(args[3]), adoc);
        Troff.convert(adoc, out.resolve("troff"), out.resolve("man"), args[1]);
        Completions.write(out.resolve("completion"), server);
        Completions.write(out.resolve("completion"), client);
        Changelog.write(out.resolve("doc/changelog.gz"), args[1], args[2], buildTime());
    }

    /** Pages no command model describes (rmt-rmt411, the remote-shell server). */
    private static void copyHandwritten(Path from, Path adoc) throws IOException {
        try (var pages = Files.list(from)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                Files.copy(page, adoc.resolve(page.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
    private static Instant buildTime() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        return epoch == null || epoch.isBlank() ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
    }
}
