package org.rmt411.client.tar.incremental;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders folder renames into the dumpdir's R/T records so that extraction, applying them in
 * order, never renames onto a folder that has yet to move away nor moves a folder whose parent
 * has yet to arrive; a cycle (two folders swapping names) goes through a temporary folder
 * announced by an X record, as GNU tar's {@code store_rename} does.
 */
final class RenameRecords {
    private record Rename(String from, String to) {
    }

    private final List<Rename> pending = new ArrayList<>();

    /** Notes that the folder member {@code from} is now {@code to} (member names, no slash). */
    void add(String from, String to) {
        pending.add(new Rename(from, to));
    }

    /** The R/T (and X) records, in an order extraction can apply one by one. */
    List<Dumpdir.Entry> records() {
        List<Rename> left = new ArrayList<>(pending);
        List<Dumpdir.Entry> out = new ArrayList<>();
        while (!left.isEmpty()) {
            Rename next = null;
            for (Rename r : left) {
                if (ready(r, left)) {
                    next = r;
                    break;
                }
            }
            if (next != null) {
                left.remove(next);
                emit(out, next.from(), next.to());
            } else {
                // Every rename waits for another: a cycle. Park one folder in a temporary one.
                Rename first = left.remove(0);
                int slash = first.to().lastIndexOf('/');
                out.add(new Dumpdir.Entry('X', slash < 0 ? "." : first.to().substring(0, slash)));
                emit(out, first.from(), "");
                left.add(new Rename("", first.to()));
            }
        }
        return out;
    }

    private static boolean ready(Rename r, List<Rename> left) {
        for (Rename other : left) {
            if (other == r) {
                continue;
            }
            boolean destinationTaken = !other.from().isEmpty() && other.from().equals(r.to());
            boolean sourceNotThere = !other.to().isEmpty() && !r.from().isEmpty()
                    && r.from().startsWith(other.to() + "/");
            if (destinationTaken || sourceNotThere) {
                return false;
            }
        }
        return true;
    }

    private static void emit(List<Dumpdir.Entry> out, String from, String to) {
        out.add(new Dumpdir.Entry('R', from));
        out.add(new Dumpdir.Entry('T', to));
    }
}
