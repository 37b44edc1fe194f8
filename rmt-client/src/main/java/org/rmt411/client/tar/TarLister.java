package org.rmt411.client.tar;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.rmt411.client.tar.incremental.Dumpdir;

/** Prints an archive's members, names only or in the long form of {@code tar -tv}. */
public final class TarLister {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TarLister() {
    }

    /**
     * Lists every member.
     *
     * @return the number of members
     */
    public static long list(TarArchiveInputStream in, PrintWriter out, boolean verbose, ZoneId zone)
            throws IOException {
        return list(in, out, verbose, zone, MemberSelection.ALL, false);
    }

    /**
     * Lists the members {@code selection} selects; with {@code dumpdirs} and {@code verbose},
     * each folder's dumpdir follows it, one entry a line, as {@code tar -tvvv -g} prints it
     * ({@code list_dumpdir}).
     *
     * @return the number of members listed
     */
    public static long list(TarArchiveInputStream in, PrintWriter out, boolean verbose, ZoneId zone,
            MemberSelection selection, boolean dumpdirs) throws IOException {
        long count = 0;
        TarArchiveEntry entry;
        while ((entry = in.getNextEntry()) != null) {
            if (!selection.selects(entry.getName())) {
                continue;
            }
            out.println(verbose ? longForm(entry, zone) : entry.getName());
            if (dumpdirs && verbose) {
                Dumpdir.of(entry).ifPresent(d -> {
                    d.entries().forEach(e -> out.println(e.code() + " " + e.name()));
                    out.println();
                });
            }
            count++;
        }
        out.flush();
        return count;
    }

    /** {@code -rw-r--r-- user/group 1234 2026-11-22 07:00 name}, as GNU tar prints it. */
    static String longForm(TarArchiveEntry entry, ZoneId zone) {
        String owner = (entry.getUserName().isEmpty() ? String.valueOf(entry.getLongUserId()) : entry.getUserName())
                + "/" + (entry.getGroupName().isEmpty() ? String.valueOf(entry.getLongGroupId()) : entry.getGroupName());
        String size = String.valueOf(entry.getSize());
        String when = TIME.format(Instant.ofEpochMilli(entry.getLastModifiedTime().toMillis()).atZone(zone));
        String line = String.format("%s %s %" + Math.max(1, 19 - owner.length()) + "s %s %s",
                modeString(entry), owner, size, when, entry.getName());
        if (entry.isSymbolicLink()) {
            line += " -> " + entry.getLinkName();
        } else if (entry.isLink()) {
            line += " link to " + entry.getLinkName();
        }
        return line;
    }

    static String modeString(TarArchiveEntry entry) {
        char type = entry.isDirectory() ? 'd' : entry.isSymbolicLink() ? 'l' : entry.isLink() ? 'h'
                : entry.isCharacterDevice() ? 'c' : entry.isBlockDevice() ? 'b' : entry.isFIFO() ? 'p' : '-';
        StringBuilder sb = new StringBuilder().append(type);
        String rwx = "rwxrwxrwx";
        int mode = entry.getMode();
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (0400 >> i)) != 0 ? rwx.charAt(i) : '-');
        }
        return sb.toString();
    }
}
