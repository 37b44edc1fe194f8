package org.rmt411.client.tar;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Where an archive operation reports while it runs; every part may be ignored:
 * {@code Feedback.SILENT.withWarnings(System.err::println)}.
 *
 * @param progress told the number of content bytes after each chunk (backup)
 * @param warnings told about each skipped, changed or refused member, or volume oddity, one line each
 * @param names told each member name as it is extracted (restore)
 */
public record Feedback(LongConsumer progress, Consumer<String> warnings, Consumer<String> names,
        BooleanSupplier stop) {
    /** Tells nobody anything. */
    public static final Feedback SILENT = new Feedback(n -> { }, w -> { }, n -> { }, () -> false);

    public Feedback {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(stop, "stop");
    }

    /** This feedback with another progress listener. */
    public Feedback withProgress(LongConsumer value) {
        return new Feedback(value, warnings, names, stop);
    }

    /** This feedback with another warning listener. */
    public Feedback withWarnings(Consumer<String> value) {
        return new Feedback(progress, value, names, stop);
    }

    /** This feedback with another listener for member names. */
    public Feedback withNames(Consumer<String> value) {
        return new Feedback(progress, warnings, value, stop);
    }

    /**
     * Asked between members and records of a backup: once it answers true the backup stops, the
     * device is closed properly (a tape gets its filemark) and a
     * {@link BackupInterruptedException} says where the archive ends (SIGINT/SIGTERM).
     */
    public Feedback withStop(BooleanSupplier value) {
        return new Feedback(progress, warnings, names, value);
    }
}
