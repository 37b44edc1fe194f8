package org.rmt411.server.logging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one place that decides where logs go. {@code auto} writes to standard error unless it is
 * a socket: then, if it is the journal stream systemd set up ({@code StandardError=journal}), to
 * the journal directly; any other socket may be the rmt connection itself (inetd), so the
 * journal if journald runs, else nowhere.
 */
final class Destinations {
    private Destinations() {
    }

    /**
     * The destination for {@code options}.
     *
     * @throws IllegalStateException when the asked-for destination cannot work here
     */
    static LogDestination choose(LogOptions options, StandardError stderr, Map<String, String> env) {
        return choose(options, stderr, env, journalSocket(env));
    }

    /** As {@link #choose(LogOptions, StandardError, Map)}, with journald's socket at {@code journal}. */
    static LogDestination choose(LogOptions options, StandardError stderr, Map<String, String> env, Path journal) {
        switch (options.mode()) {
            case NONE:
                return new LogDestination.None();
            case JOURNAL:
                if (!Files.exists(journal)) {
                    throw new IllegalStateException("--log journal: " + journal
                            + ": No such file or directory (is systemd-journald running?)");
                }
                return new LogDestination.Journal(journal);
            case STDERR:
                if (stderr.socket() && !stderr.isJournalStream(env.get("JOURNAL_STREAM"))) {
                    throw new IllegalStateException("--log stderr: standard error is a socket, maybe the"
                            + " connection itself (inetd passes it as fd 2); use --log-file FILE, --log journal"
                            + " or --log none");
                }
                return new LogDestination.Stderr();
            default:
                if (options.file() != null) {
                    return new LogDestination.LogFile(options.file());
                }
                return automatic(stderr, env, journal);
        }
    }

    private static LogDestination automatic(StandardError stderr, Map<String, String> env, Path journal) {
        if (!stderr.socket()) {
            return new LogDestination.Stderr();
        }
        if (Files.exists(journal)) {
            return new LogDestination.Journal(journal);
        }
        return stderr.isJournalStream(env.get("JOURNAL_STREAM"))
                ? new LogDestination.Stderr() : new LogDestination.None();
    }

    /** journald's stream socket, in the unit's log namespace if it has one (LogNamespace=). */
    static Path journalSocket(Map<String, String> env) {
        String namespace = env.get("LOG_NAMESPACE");
        return namespace == null || namespace.isEmpty()
                ? Path.of("/run/systemd/journal/stdout")
                : Path.of("/run/systemd/journal." + namespace + "/stdout");
    }
}
