package org.rmt411.client.tar.incremental;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * GNU tar's snapshot file, format 2 ({@code incremen.c}, {@code write_directory_file}): a first
 * line {@code GNU tar-1.34-2}, then NUL-terminated fields: the time the dump started (seconds,
 * nanoseconds), and for each folder found: the NFS flag, its mtime (seconds, nanoseconds), device
 * and inode numbers, its name as given on the command line, its dumpdir entries, and an empty
 * entry plus a NUL ending the record. The next level dumps what changed since {@code started}.
 *
 * @param started when the dump that wrote this snapshot started
 * @param folders every folder that dump found
 */
public record SnapshotFile(Instant started, List<Folder> folders) {
    /**
     * The header GNU tar 1.34 writes: GNU tar reads the format number after the second '-' and
     * requires the "GNU tar" prefix, so another program's name would make it read format 0.
     */
    static final String HEADER = "GNU tar-1.34-2";

    /** One folder's record. */
    public record Folder(boolean nfs, Instant mtime, long device, long inode, String name, Dumpdir dumpdir) {
    }

    public SnapshotFile {
        folders = List.copyOf(folders);
    }

    /**
     * Reads a snapshot file. A missing or empty file is no snapshot (a level 0 follows), as in
     * GNU tar.
     *
     * @throws SnapshotFormatException naming the file and the line or byte where it is malformed
     */
    public static SnapshotFile read(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return null;
        }
        return new SnapshotReader(file.toString(), Files.readAllBytes(file)).read();
    }

    /** The file's bytes, exactly as GNU tar writes them. */
    public byte[] encoded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, HEADER + "\n", false);
        field(out, Long.toString(started.getEpochSecond()), true);
        field(out, Integer.toString(started.getNano()), true);
        for (Folder folder : folders) {
            field(out, folder.nfs() ? "1" : "0", true);
            field(out, Long.toString(folder.mtime().getEpochSecond()), true);
            field(out, Integer.toString(folder.mtime().getNano()), true);
            field(out, Long.toUnsignedString(folder.device()), true);
            field(out, Long.toUnsignedString(folder.inode()), true);
            field(out, folder.name(), true);
            for (Dumpdir.Entry entry : folder.dumpdir().membersOnly().entries()) {
                field(out, entry.code() + entry.name(), true);
            }
            out.write(0);
            out.write(0);
        }
        return out.toByteArray();
    }

    /** Writes the file whole or not at all: a new file beside it, then renamed over it. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.write(temp, encoded());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void field(ByteArrayOutputStream out, String text, boolean nul) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        if (nul) {
            out.write(0);
        }
    }
}
