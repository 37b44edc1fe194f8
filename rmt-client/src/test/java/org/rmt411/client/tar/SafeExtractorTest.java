package org.rmt411.client.tar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile archives: nothing may land outside the extraction folder. */
class SafeExtractorTest {
    @TempDir
    Path work;
    private Path dir;
    private Path outside;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void folders() throws IOException {
        dir = Files.createDirectories(work.resolve("dir"));
        outside = Files.createDirectories(work.resolve("outside"));
    }

    /** Entries as (type, name, link-or-content). */
    private byte[] archive(String[]... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, 10240, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String[] e : entries) {
                byte type = (byte) e[0].charAt(0);
                TarArchiveEntry entry = new TarArchiveEntry(e[1], type, true);
                byte[] content = new byte[0];
                if (type == TarConstants.LF_NORMAL) {
                    content = e[2].getBytes(StandardCharsets.UTF_8);
                    entry.setSize(content.length);
                } else if (e.length > 2) {
                    entry.setLinkName(e[2]);
                }
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private SafeExtractor.Result extract(byte[] archive) throws IOException {
        return new SafeExtractor(dir, List.of(), warnings::add, n -> { })
                .extract(new TarArchiveInputStream(new ByteArrayInputStream(archive), 10240, "UTF-8"));
    }

    @Test
    void dotDotNamesAreRefused() throws Exception {
        SafeExtractor.Result r = extract(archive(new String[] {"0", "../outside/evil", "x"},
                new String[] {"0", "a/../../outside/evil2", "x"}, new String[] {"0", "ok", "fine"}));
        assertThat(r.refused()).isEqualTo(2);
        assertThat(r.extracted()).isEqualTo(1);
        assertThat(outside).isEmptyDirectory();
        assertThat(warnings).allMatch(w -> w.contains("'..'"));
    }

    @Test
    void absoluteNamesLandInsideTheFolder() throws Exception {
        extract(archive(new String[] {"0", outside.resolve("abs").toString(), "x"}));
        assertThat(outside).isEmptyDirectory();
        assertThat(dir.resolve(outside.toString().substring(1)).resolve("abs")).hasContent("x");
    }

    @Test
    void nothingIsWrittenThroughASymbolicLink() throws Exception {
        SafeExtractor.Result r = extract(archive(new String[] {"2", "escape", outside.toString()},
                new String[] {"0", "escape/owned", "x"}));
        assertThat(r.refused()).isEqualTo(1);
        assertThat(outside).isEmptyDirectory();
        assertThat(Files.isSymbolicLink(dir.resolve("escape"))).isTrue();
    }

    @Test
    void anExistingLinkInTheWayIsReplacedNotFollowed() throws Exception {
        Path target = Files.writeString(outside.resolve("victim"), "precious");
        Files.createSymbolicLink(dir.resolve("file"), target);
        extract(archive(new String[] {"0", "file", "new"}));
        assertThat(target).hasContent("precious");
        assertThat(Files.isSymbolicLink(dir.resolve("file"))).isFalse();
        assertThat(dir.resolve("file")).hasContent("new");
    }

    @Test
    void hardLinksMustPointInside() throws Exception {
        Path victim = Files.writeString(outside.resolve("victim"), "precious");
        SafeExtractor.Result r = extract(archive(new String[] {"1", "h1", "../outside/victim"},
                new String[] {"1", "h2", victim.toString()}, new String[] {"2", "sl", victim.toString()},
                new String[] {"1", "h3", "sl/../victim"}));
        assertThat(r.refused()).isEqualTo(3);
        assertThat(Files.exists(dir.resolve("h1"))).isFalse();
        assertThat(Files.exists(dir.resolve("h2"))).isFalse();
        assertThat(Files.getAttribute(victim, "unix:nlink")).isEqualTo(1);
    }
}
