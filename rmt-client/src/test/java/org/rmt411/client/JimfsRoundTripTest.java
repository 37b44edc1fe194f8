package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rmt411.client.tar.BackupOptions;
import org.rmt411.client.tar.Feedback;
import org.rmt411.client.tar.RestoreOptions;
import org.rmt411.client.tar.RemoteArchive;
import org.rmt411.client.tar.SafeExtractor;

/** The library end to end on in-memory file systems: the server's root and both trees in jimfs. */
class JimfsRoundTripTest {
    private static FileSystem unixFs() {
        return Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setAttributeViews("basic", "owner", "posix", "unix").build());
    }

    @Test
    void backupVerifyRestoreAndSelectMembers() throws Exception {
        try (FileSystem serverFs = unixFs(); FileSystem localFs = unixFs()) {
            Path root = Files.createDirectories(serverFs.getPath("/tapes"));
            Path src = Trees.build(localFs.getPath("/home/user/src"));
            try (InProcessServer server = InProcessServer.serve(root)) {
                RemoteArchive archive = new RemoteArchive(server.connector(), "/j.tar", RmtDialect.DEFAULT, 10240);
                List<String> warnings = new ArrayList<>();
                RemoteArchive.BackupResult result = archive.backup(List.of(src),
                        BackupOptions.DEFAULTS.withVerify(true), Feedback.SILENT.withWarnings(warnings::add));
                assertThat(warnings).containsExactly("Removing leading '/' from member names", // as GNU tar
                        "Removing leading '/' from hard link targets");
                warnings.clear();
                assertThat(result.tar().entries()).isGreaterThan(10);
                assertThat(Files.size(root.resolve("j.tar"))).isEqualTo(result.archiveBytes());

                Path all = localFs.getPath("/restore/all");
                SafeExtractor.Result restored = archive.restore(all, RestoreOptions.DEFAULTS,
                        Feedback.SILENT.withWarnings(warnings::add));
                assertThat(restored.refused()).isZero();
                Trees.assertSame(src, all.resolve("home/user/src"));

                Path some = localFs.getPath("/restore/some");
                archive.restore(some,
                        RestoreOptions.DEFAULTS.withMembers(List.of("home/user/src/secret", "home/user/src/empty/")),
                        Feedback.SILENT.withWarnings(warnings::add));
                assertThat(Files.readString(some.resolve("home/user/src/secret"))).isEqualTo("s");
                assertThat(Files.isDirectory(some.resolve("home/user/src/empty"))).isTrue();
                assertThat(Files.exists(some.resolve("home/user/src/plain.txt"))).isFalse();
                assertThat(warnings).isEmpty();

                SafeExtractor.Result missing = archive.restore(localFs.getPath("/restore/none"),
                        RestoreOptions.DEFAULTS.withMembers(List.of("home/user/src/no-such-member")),
                        Feedback.SILENT.withWarnings(warnings::add));
                assertThat(missing.refused()).isEqualTo(1);
                assertThat(warnings).containsExactly("home/user/src/no-such-member: not found in archive; skipped");
            }
        }
    }
}
