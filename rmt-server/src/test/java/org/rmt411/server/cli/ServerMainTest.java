package org.rmt411.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.BindException;
import org.junit.jupiter.api.Test;

/** The command line's documented exit codes and messages. */
class ServerMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ServerMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("--no-such-option")).isEqualTo(2);
        assertThat(run("--stdio", "--inetd")).isEqualTo(2);
        assertThat(err.toString()).contains("--stdio and --inetd");
        assertThat(run("--allow", "example.com", "--stdio")).isEqualTo(2);
        assertThat(run("--seek-order", "sideways")).isEqualTo(2);
        assertThat(run("--port", "70000")).isEqualTo(2);
    }

    @Test
    void usageErrorsAreOneLineNamingOptionValueAndReason() {
        assertThat(run("--seek-order", "sideways")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("rmt-server: --seek-order sideways: expected auto, offset-first or"
                + " whence-first" + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(run("--port", "x")).isEqualTo(2);
        assertThat(err.toString()).startsWith("rmt-server: --port x: expected a whole number").hasLineCount(1);
        err.getBuffer().setLength(0);
        assertThat(run("--root=", "--stdio")).isEqualTo(2);
        assertThat(err.toString()).startsWith("rmt-server: --root: the folder name is empty").hasLineCount(1);
        err.getBuffer().setLength(0);
        assertThat(run("--log", "loud")).isEqualTo(2);
        assertThat(err.toString()).startsWith("rmt-server: --log loud: expected auto, stderr, journal, file or none");
    }

    @Test
    void helpListsExitCodesAndOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--port", "--root", "--stdio", "--inetd", "--read-only", "--allow",
                "--max-sessions", "--seek-order", "--trace", "--log", "--log-file", "--rmt", "--config", "--library",
                "--[no-]tapes", "/etc/rmt411/rmt411.conf", "Exit codes");
    }

    @Test
    void aBrokenConfigurationFileIsOneLineAndExitOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path conf = java.nio.file.Files.writeString(dir.resolve("r.conf"), "drives = 2\ndrives = 3\n");
        assertThat(run("--stdio", "--config", conf.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("rmt-server: " + conf + ":2: drives is already set on line 1"
                + System.lineSeparator());
    }

    @Test
    void operatorCommandsTakeTheLibraryFromTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path library = dir.resolve("vtl");
        java.nio.file.Path conf = java.nio.file.Files.writeString(dir.resolve("r.conf"), "library = " + library + "\n");
        assertThat(run("--config", conf.toString(), "cartridge", "create", "BK0001")).isZero();
        assertThat(library.resolve("BK0001.tap")).exists();
    }

    @Test
    void refusedPrivilegedPortNamesTheWaysOut() {
        String advice = BindAdvice.explain(411, new BindException("Permission denied"));
        assertThat(advice).contains("--port", "systemd", "CAP_NET_BIND_SERVICE");
        assertThat(BindAdvice.explain(4110, new BindException("Address already in use"))).contains("already in use");
    }
}
