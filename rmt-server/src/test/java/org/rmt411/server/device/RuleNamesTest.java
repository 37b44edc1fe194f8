package org.rmt411.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names the access rules judge: folded, absolute, and where links really lead. */
class RuleNamesTest {
    @TempDir
    Path dir;

    @Test
    void hostNamesAreAbsoluteFoldedAndFollowLinks() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home")).toRealPath();
        Path etc = Files.createDirectories(dir.resolve("etc")).toRealPath();
        Files.createSymbolicLink(home.resolve("link"), etc);
        RuleNames names = RuleNames.host(home);
        assertThat(names.of("x.tar")).containsExactly(home + "/x.tar");
        assertThat(names.of("/backups/../etc/shadow")).containsExactly("/etc/shadow");
        assertThat(names.of("link/new.tar")).containsExactly(home + "/link/new.tar", etc + "/new.tar");
    }

    @Test
    void jailedNamesAreTheClientsViewOfTheRoot() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("private"));
        Files.createSymbolicLink(root.resolve("public"), root.resolve("private"));
        RuleNames names = RuleNames.jailed(root);
        assertThat(names.of("x.tar")).containsExactly("/x.tar");
        assertThat(names.of("/a/../../b")).containsExactly("/b");
        assertThat(names.of("/public/x.tar")).containsExactly("/public/x.tar", "/private/x.tar");
        assertThat(names.of("/dev/nst0")).containsExactly("/dev/nst0");
    }
}
