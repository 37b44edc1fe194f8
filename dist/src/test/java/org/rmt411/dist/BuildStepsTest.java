package org.rmt411.dist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rmt411.server.cli.ServerMain;
import picocli.CommandLine;

class BuildStepsTest {
    @Test
    void serverPagesAreInSectionEightUnderTheInstalledName() {
        CommandLine server = ServerMain.commandModel().setCommandName("rmt411d");
        CommandLine create = server.getSubcommands().get("cartridge").getSubcommands().get("create");

        assertThat(ManPages.page(server.getCommandSpec(), 8)).contains("= rmt411d(8)").doesNotContain("(1)")
                .contains("--stdio");
        assertThat(ManPages.page(create.getCommandSpec(), 8)).contains("= rmt411d-cartridge-create(8)");
    }

    @Test
    void completionLosesOnlyItsHashbang() {
        assertThat(Completions.withoutHashbang("#!/usr/bin/env bash\n# rmt411\ncomplete -F f rmt411\n"))
                .isEqualTo("# rmt411\ncomplete -F f rmt411\n");
        assertThat(Completions.withoutHashbang("complete -F f rmt411\n")).isEqualTo("complete -F f rmt411\n");
    }

    @Test
    void snapshotVersionsSortBeforeTheirRelease() {
        assertThat(Changelog.debianVersion("0.1.0-SNAPSHOT")).isEqualTo("0.1.0~snapshot");
        assertThat(Changelog.debianVersion("0.1.0")).isEqualTo("0.1.0");
    }
}
