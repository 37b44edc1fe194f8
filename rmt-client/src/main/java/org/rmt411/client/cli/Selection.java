package org.rmt411.client.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.rmt411.client.tar.MemberSelection;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The member names of {@code list} and {@code restore}, and GNU tar's {@code --wildcards}. */
final class Selection {
    @Option(names = "--wildcards", negatable = true,
            description = "NAMEs are shell patterns (* and ? match '/' too), as GNU tar's --wildcards; "
                    + "default: literal names.")
    Boolean wildcards;

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "Members to act on, each with everything beneath it (default: all).")
    List<String> names = new ArrayList<>();

    /** The selection; warns, as GNU tar, when literal names hold pattern characters. */
    MemberSelection members(PrintWriter err) {
        MemberSelection selection = new MemberSelection(names, Boolean.TRUE.equals(wildcards));
        if (wildcards == null && selection.literalNamesLookLikePatterns()) {
            err.println("rmt-client: Pattern matching characters used in file names");
            err.println("rmt-client: Use --wildcards to enable pattern matching, or --no-wildcards to suppress this warning");
        }
        return selection;
    }

    /** Reports each name that selected nothing, as GNU tar; true if there was one. */
    boolean reportNotFound(MemberSelection selection, PrintWriter err) {
        List<String> missing = selection.notFound();
        missing.forEach(name -> err.println("rmt-client: " + name + ": Not found in archive"));
        err.flush();
        return !missing.isEmpty();
    }
}
