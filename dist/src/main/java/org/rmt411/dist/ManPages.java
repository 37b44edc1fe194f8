package org.rmt411.dist;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * AsciiDoc man pages from the picocli command models, so they cannot drift from {@code --help}:
 * one page per command and subcommand ({@code rmt411d-cartridge-create}), in the section given.
 */
final class ManPages {
    private ManPages() {
    }

    /** Writes {@code dir/NAME.adoc} for the command and every visible subcommand, in {@code section}. */
    static void write(Path dir, CommandLine command, int section) throws IOException {
        Files.createDirectories(dir);
        writeTree(dir, command.getCommandSpec(), section);
    }

    private static void writeTree(Path dir, CommandSpec spec, int section) throws IOException {
        Files.writeString(dir.resolve(spec.qualifiedName("-") + ".adoc"), page(spec, section),
                StandardCharsets.UTF_8);
        for (CommandLine sub : spec.subcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                writeTree(dir, sub.getCommandSpec(), section);
            }
        }
    }

    /** One page; picocli always titles it section 1, so the server's pages are moved to 8. */
    static String page(CommandSpec spec, int section) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            ManPageGenerator.writeSingleManPage(out, spec);
        }
        String name = spec.qualifiedName("-");
        String title = "= " + name + "(1)";
        String page = text.toString();
        if (!page.contains(title)) {
            throw new IllegalStateException("picocli's man page for " + name + " has no title line " + title);
        }
        return page.replace(title, "= " + name + "(" + section + ")");
    }
}
