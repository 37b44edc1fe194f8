package org.rmt411.dist;

import java.io.IOException;
import java.util.Optional;

/**
 * The system's {@code rmt} alternative as update-alternatives reports it, so a test that switches
 * it can put it back exactly: auto mode, or the manual choice it found.
 */
record RmtAlternative(boolean auto, String value) {
    /** What {@code update-alternatives --query rmt} says now; empty when no package provides rmt. */
    static Optional<RmtAlternative> query() throws IOException, InterruptedException {
        Run.Result r = Run.run("update-alternatives", "--query", "rmt");
        if (r.exit() != 0) {
            return Optional.empty();
        }
        return Optional.of(new RmtAlternative(field(r.stdout(), "Status").equals("auto"), field(r.stdout(), "Value")));
    }

    /** The choices, one {@code Alternative:}/{@code Priority:} pair each, as printed by --query. */
    static String choices() throws IOException, InterruptedException {
        return Run.run("update-alternatives", "--query", "rmt").stdout();
    }

    /** Makes {@code path} the system's rmt. */
    static void set(String path) throws IOException, InterruptedException {
        Run.run("update-alternatives", "--set", "rmt", path).ok();
    }

    /** Puts this state back. */
    void restore() throws IOException, InterruptedException {
        if (auto) {
            Run.run("update-alternatives", "--auto", "rmt").ok();
        } else {
            set(value);
        }
    }

    private static String field(String query, String name) {
        return query.lines().filter(l -> l.startsWith(name + ": ")).findFirst()
                .map(l -> l.substring(name.length() + 2).trim()).orElse("");
    }
}
