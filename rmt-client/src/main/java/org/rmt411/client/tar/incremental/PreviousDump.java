package org.rmt411.client.tar.incremental;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The folders of the previous level, looked up as GNU tar's {@code procdir} does: by the name they
 * had, and by device and inode number to recognise a folder that was renamed. When a rename is
 * found, the folders beneath the old name take the new name ({@code dirlist_replace_prefix}), so
 * they are recognised in place rather than renamed again.
 */
final class PreviousDump {
    /** A previous folder and the name it goes by now. */
    static final class Known {
        final SnapshotFile.Folder record;
        String name;

        Known(SnapshotFile.Folder record) {
            this.record = record;
            this.name = record.name();
        }
    }

    private record Identity(long device, long inode) {
    }

    private final List<Known> all = new ArrayList<>();
    private final Map<String, Known> byName = new HashMap<>();
    private final Map<Identity, Known> byIdentity = new HashMap<>();

    PreviousDump(SnapshotFile snapshot) {
        if (snapshot == null) {
            return;
        }
        for (SnapshotFile.Folder folder : snapshot.folders()) {
            Known known = new Known(folder);
            all.add(known);
            byName.putIfAbsent(folder.name(), known);
            byIdentity.putIfAbsent(new Identity(folder.device(), folder.inode()), known);
        }
    }

    /** The folder that had this name in the previous level, if any. */
    Known named(String name) {
        return byName.get(name);
    }

    /** The folder that was this device and inode in the previous level, if any. */
    Known identified(long device, long inode) {
        return byIdentity.get(new Identity(device, inode));
    }

    /** Gives every folder at or beneath {@code from} the name it has beneath {@code to}. */
    void renamed(String from, String to) {
        for (Known known : all) {
            if (known.name.equals(from)) {
                known.name = to;
            } else if (known.name.startsWith(from + "/")) {
                known.name = to + known.name.substring(from.length());
            }
        }
    }
}
