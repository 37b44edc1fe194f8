package org.rmt411.client.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The name files of GNU tar's {@code -T}/{@code --files-from} and {@code -X}/{@code --exclude-from}:
 * one name or pattern per line ({@code --null}: per NUL-terminated entry, for names with
 * newlines), {@code -} for standard input, empty entries skipped as GNU tar skips them.
 */
final class NameLists {
    private NameLists() {
    }

    /**
     * The entries of {@code file}.
     *
     * @param stdin what {@code -} reads
     */
    static List<String> read(String file, boolean nul, InputStream stdin) throws IOException {
        byte[] bytes;
        try {
            bytes = file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new java.nio.file.NoSuchFileException(file, null, "cannot open: no such file");
        }
        String text = new String(bytes, Charset.defaultCharset());
        List<String> names = new ArrayList<>();
        for (String entry : text.split(nul ? "\0" : "\r?\n")) {
            if (!entry.isEmpty()) {
                names.add(entry);
            }
        }
        return names;
    }
}
