package org.rmt411.client.tar.incremental;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * A folder's contents as GNU tar records them in an incremental archive and in the snapshot file
 * ({@code incremen.c}): NUL-terminated entries, each a code letter and a name, the list ended by
 * an empty entry. {@code Y} a file dumped in this archive, {@code N} a file present but not
 * dumped (unchanged), {@code D} a subfolder; in the archive only, {@code R}/{@code T} pairs rename
 * a folder (from, to) and {@code X} names where a temporary folder breaks a rename cycle.
 */
public final class Dumpdir {
    /** The PAX keyword GNU tar uses for the dumpdir in POSIX-format archives ({@code xheader.c}). */
    public static final String PAX_KEYWORD = "GNU.dumpdir";

    /** One entry: its code letter and its name (empty for the temporary folder in R/T). */
    public record Entry(char code, String name) {
        /** Whether this entry names a member of the folder (Y, N or D), not a rename record. */
        public boolean isMember() {
            return code == 'Y' || code == 'N' || code == 'D';
        }
    }

    private final List<Entry> entries;
    private final Map<String, Entry> members = new HashMap<>();

    /** A dumpdir of these entries, in this order. */
    public Dumpdir(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry entry : this.entries) {
            if (entry.isMember()) {
                members.put(entry.name(), entry);
            }
        }
    }

    /** Parses {@code Ya\0Nb\0\0}; the entries end at the first empty one or at the end. */
    public static Dumpdir parse(String encoded) {
        List<Entry> entries = new ArrayList<>();
        int start = 0;
        while (start < encoded.length()) {
            int end = encoded.indexOf('\0', start);
            if (end < 0) {
                end = encoded.length();
            }
            if (end == start) {
                break;
            }
            entries.add(new Entry(encoded.charAt(start), encoded.substring(start + 1, end)));
            start = end + 1;
        }
        return new Dumpdir(entries);
    }

    /** The dumpdir of a member read from an archive, if it carries one. */
    public static Optional<Dumpdir> of(TarArchiveEntry entry) {
        String encoded = entry.getExtraPaxHeader(PAX_KEYWORD);
        return encoded == null ? Optional.empty() : Optional.of(parse(encoded));
    }

    /** Every entry in order, rename records included. */
    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The Y, N or D entry for {@code name}, if listed. */
    public Optional<Entry> member(String name) {
        return Optional.ofNullable(members.get(name));
    }

    /** This dumpdir with rename records appended (GNU tar puts them in the first folder's). */
    public Dumpdir withRecords(List<Entry> records) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(records);
        return new Dumpdir(all);
    }

    /** Only the Y, N and D entries, as the snapshot file keeps them. */
    public Dumpdir membersOnly() {
        return new Dumpdir(entries.stream().filter(Entry::isMember).toList());
    }

    /** The encoded form, ending with the empty entry GNU tar's {@code dumpdir_size} counts. */
    public String encoded() {
        StringBuilder sb = new StringBuilder();
        for (Entry entry : entries) {
            sb.append(entry.code()).append(entry.name()).append('\0');
        }
        return sb.append('\0').toString();
    }

    /**
     * GNU tar's {@code dumpdir_ok}: every R is followed by a T, only one X is pending at a time,
     * and empty names in R/T only refer to a pending X.
     *
     * @return why the dumpdir is malformed, or empty if it is sound
     */
    public Optional<String> problem() {
        boolean tempdir = false;
        boolean expectT = false;
        for (Entry entry : entries) {
            char code = entry.code();
            if (expectT && code != 'T') {
                return Optional.of(String.format("expected 'T' but found %#3o", (int) code));
            }
            if (code == 'X') {
                if (tempdir) {
                    return Optional.of("'X' duplicated");
                }
                tempdir = true;
            } else if (code == 'R') {
                if (entry.name().isEmpty()) {
                    if (!tempdir) {
                        return Optional.of("empty name in 'R'");
                    }
                    tempdir = false;
                }
                expectT = true;
            } else if (code == 'T') {
                if (!expectT) {
                    return Optional.of("'T' not preceded by 'R'");
                }
                if (entry.name().isEmpty() && !tempdir) {
                    return Optional.of("empty name in 'T'");
                }
                expectT = false;
            }
        }
        return expectT ? Optional.of("expected 'T' but found end of data") : Optional.empty();
    }

    /** Orders names as GNU tar sorts folder entries: by their bytes ({@code strcmp}). */
    public static int compareNames(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Dumpdir d && d.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
