package org.rmt411.client.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import com.sun.security.auth.module.UnixSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restoring owners and groups: by name, by id, links themselves, refusals as warnings. */
class OwnersTest {
    private static final UnixSystem ME = new UnixSystem();
    private static final int STRANGER = 12345;
    private static final int STRANGE_GROUP = 23456;

    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();

    /** One file {@code f} and one link {@code l -> f}, both owned as given. */
    private static byte[] archive(long uid, String user, long gid, String group) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, 10240, "UTF-8")) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String name : List.of("f", "l")) {
                boolean link = name.equals("l");
                TarArchiveEntry entry = new TarArchiveEntry(name, link ? TarConstants.LF_SYMLINK : TarConstants.LF_NORMAL, true);
                entry.setUserId(uid);
                entry.setUserName(user);
                entry.setGroupId(gid);
                entry.setGroupName(group);
                entry.setMode(link ? 0120777 : 0100644);
                if (link) {
                    entry.setLinkName("f");
                } else {
                    entry.setSize(2);
                }
                tar.putArchiveEntry(entry);
                if (!link) {
                    tar.write(new byte[] {'h', 'i'});
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private SafeExtractor.Result extract(Path into, byte[] archive, Owners.Mode mode) throws IOException {
        return new SafeExtractor(into, List.of(), warnings::add, n -> { }).owners(mode)
                .extract(new TarArchiveInputStream(new ByteArrayInputStream(archive), 10240, "UTF-8"));
    }

    private static int uid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int gid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void rootRestoresUnknownNamesByIdAndChangesLinksThemselves() throws Exception {
        assumeTrue(ME.getUid() == 0, "changing owners needs root");
        SafeExtractor.Result r = extract(dir,
                archive(STRANGER, "no-such-user-rmt411", STRANGE_GROUP, "no-such-group-rmt411"), Owners.Mode.NAMES);
        assertThat(r.ownersNotRestored()).isZero();
        assertThat(warnings).isEmpty();
        for (String name : List.of("f", "l")) {
            assertThat(uid(dir.resolve(name))).as(name).isEqualTo(STRANGER);
            assertThat(gid(dir.resolve(name))).as(name).isEqualTo(STRANGE_GROUP);
        }
    }

    @Test
    void namesWinOverIdsUnlessNumeric() throws Exception {
        assumeTrue(ME.getUid() == 0, "changing owners needs root");
        byte[] archive = archive(STRANGER, "root", STRANGE_GROUP, "root");
        extract(dir.resolve("names"), archive, Owners.Mode.NAMES);
        assertThat(uid(dir.resolve("names/f"))).isZero();
        assertThat(gid(dir.resolve("names/f"))).isZero();
        extract(dir.resolve("ids"), archive, Owners.Mode.NUMERIC);
        assertThat(uid(dir.resolve("ids/f"))).isEqualTo(STRANGER);
        assertThat(gid(dir.resolve("ids/f"))).isEqualTo(STRANGE_GROUP);
        extract(dir.resolve("none"), archive, Owners.Mode.NONE);
        assertThat(uid(dir.resolve("none/f"))).isZero();
    }

    @Test
    void ownIdsAreRestoredByAnyUser() throws Exception {
        byte[] archive = archive(ME.getUid(), "no-such-user-rmt411", ME.getGid(), "no-such-group-rmt411");
        SafeExtractor.Result r = extract(dir, archive, Owners.Mode.NAMES);
        assertThat(r.ownersNotRestored()).isZero();
        assertThat(uid(dir.resolve("f"))).isEqualTo((int) ME.getUid());
    }

    @Test
    void refusalIsAWarningAndTheMemberStays() throws Exception {
        // Refused for root too: a 33-bit uid (PAX allows it) does not exist on Linux; for other
        // users the system refuses any foreign owner with EPERM and takes the same path.
        long huge = 1L << 33;
        SafeExtractor.Result r = extract(dir, archive(huge, "no-such-user-rmt411", STRANGE_GROUP, "y"),
                Owners.Mode.NUMERIC);
        assertThat(r.extracted()).isEqualTo(2);
        assertThat(r.ownersNotRestored()).isEqualTo(2);
        assertThat(warnings).hasSize(2).allMatch(w -> w.contains("cannot change ownership to uid " + huge));
        assertThat(dir.resolve("f")).hasContent("hi");
    }

    @Test
    void fileSystemWithoutOwnersIsLeftAlone() throws Exception {
        try (FileSystem memory = Jimfs.newFileSystem(Configuration.unix())) {
            Path into = memory.getPath("/x");
            SafeExtractor.Result r = extract(into, archive(STRANGER, "x", STRANGE_GROUP, "y"), Owners.Mode.NUMERIC);
            assertThat(r.extracted()).isEqualTo(2);
            assertThat(r.ownersNotRestored()).isZero();
            assertThat(into.resolve("f")).hasContent("hi");
        }
    }
}
