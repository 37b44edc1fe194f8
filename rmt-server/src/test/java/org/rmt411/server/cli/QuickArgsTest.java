package org.rmt411.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.server.config.ConfigFile;
import org.rmt411.server.session.TraceLevel;

/** The fast start-up parser and picocli must read every plain server invocation alike. */
class QuickArgsTest {
    private static final List<String[]> PLAIN = List.of(
            new String[] {},
            new String[] {"--stdio", "--root", "/srv/tapes"},
            new String[] {"--stdio", "--root=/srv/tapes", "--trace", "--read-only"},
            new String[] {"--stdio", "--trace=verbose"},
            new String[] {"--trace=VERBOSE", "--port", "0"},
            new String[] {"--port", "0", "--bind", "127.0.0.1", "--root", "x"},
            new String[] {"--port=4110", "--allow", "10.0.0.0/8", "--allow=192.168.1.0/24,::1", "--max-sessions", "3"},
            new String[] {"--inetd", "--seek-order", "whence-first", "--max-record", "65536"},
            new String[] {"--seek-order=offset-first", "--stdio"},
            new String[] {"--drives", "4", "--capacity", "64M", "--stdio"},
            new String[] {"--capacity=1G", "--early-warning", "1M", "--no-autoloader"},
            new String[] {"--autoloader", "--drives=2"},
            new String[] {"--idle-timeout", "90s", "--stdio"},
            new String[] {"--idle-timeout=2h30m"},
            new String[] {"--idle-timeout", "0", "--inetd"},
            new String[] {"--inetd", "--log-file", "/var/log/rmt411.log"},
            new String[] {"--log=journal", "--port", "4110"},
            new String[] {"--log", "file", "--log-file=rmt.log", "--stdio"},
            new String[] {"--log", "none", "--inetd"},
            new String[] {"--rmt"},
            new String[] {"--rmt", "--config", "/etc/rmt411/other.conf", "--library", "/srv/vtl"},
            new String[] {"--rmt", "--no-tapes", "--root=/srv/tapes"},
            new String[] {"--stdio", "--tapes", "--config=/x.conf"},
            new String[] {"--port", "4110", "--tls-cert", "/etc/rmt411/cert.pem", "--tls-key", "/etc/rmt411/key.pem"},
            new String[] {"--tls-cert=c.pem", "--tls-key=k.pem", "--tls-client-ca=ca.pem", "--inetd"},
            new String[] {"--stdio", "--capture", "/tmp/rmt411.pcapng"},
            new String[] {"--capture=sessions.pcapng", "--port", "4110"});

    @Test
    void agreesWithPicocli() {
        for (String[] args : PLAIN) {
            assertThat(QuickArgs.parse(args)).as(String.join(" ", args)).contains(ServerMain.parse(args));
        }
    }

    @TempDir
    Path dir;

    private ConfigFile file(String... lines) throws Exception {
        return ConfigKeys.parser().read(Files.writeString(dir.resolve("rmt411.conf"), String.join("\n", lines)));
    }

    @Test
    void readsTheTraceLevelAsPicocliDoes() throws Exception {
        assertThat(QuickArgs.parse("--trace").orElseThrow().trace()).isEqualTo(TraceLevel.LINES);
        assertThat(QuickArgs.parse("--trace=verbose").orElseThrow().trace()).isEqualTo(TraceLevel.VERBOSE);
        assertThat(QuickArgs.parse().orElseThrow().trace()).isEqualTo(TraceLevel.OFF);
        ConfigFile verbose = file("trace = verbose");
        for (String[] args : List.of(new String[] {}, new String[] {"--trace"}, new String[] {"--stdio"})) {
            assertThat(QuickArgs.parse(verbose, args)).as(String.join(" ", args)).contains(ServerMain.parse(verbose, args));
        }
        assertThat(QuickArgs.parse(verbose).orElseThrow().trace()).isEqualTo(TraceLevel.VERBOSE);
    }

    @Test
    void agreesWithPicocliOverAConfigurationFile() throws Exception {
        ConfigFile file = file("root = /srv/tapes", "library = /srv/vtl", "tapes = on", "drives = 3",
                "capacity = 1G", "early-warning = 4M", "autoloader = off", "read-only = on", "idle-timeout = 15m",
                "max-record = 65536", "seek-order = offset-first", "trace = on", "capture = /var/tmp/rmt411.pcapng",
                "allow backup rw /dev/nst*");
        for (String[] args : PLAIN) {
            assertThat(QuickArgs.parse(file, args)).as(String.join(" ", args)).contains(ServerMain.parse(file, args));
        }
    }

    @Test
    void theCommandLineOverridesTheFile() throws Exception {
        ConfigFile file = file("root = /srv/tapes", "drives = 3", "autoloader = off", "tapes = off",
                "idle-timeout = 15m", "library = /srv/vtl", "deny * rw /etc/**");
        String[] args = {"--rmt", "--root", "/srv/other", "--drives=2", "--autoloader", "--tapes", "--idle-timeout", "0"};
        ServerConfig c = QuickArgs.parse(file, args).orElseThrow();
        assertThat(c).isEqualTo(ServerMain.parse(file, args));
        assertThat(c.root()).isEqualTo(Path.of("/srv/other"));
        assertThat(c.tapes().drives()).isEqualTo(2);
        assertThat(c.tapes().autoloader()).isTrue();
        assertThat(c.virtualTapes()).isTrue();
        assertThat(c.idleTimeout()).isZero();
        assertThat(c.library()).as("the file's, nothing overrode it").isEqualTo(Path.of("/srv/vtl"));
        assertThat(c.access().rules()).hasSize(1);
        ServerConfig fileOnly = QuickArgs.parse(file, "--rmt").orElseThrow();
        assertThat(fileOnly.root()).isEqualTo(Path.of("/srv/tapes"));
        assertThat(fileOnly.tapes().drives()).isEqualTo(3);
        assertThat(fileOnly.virtualTapes()).isFalse();
        assertThat(fileOnly.library()).isNull();
    }

    @Test
    void theCommandLinesLogOptionsReplaceTheFilesAsAPair() throws Exception {
        file("log = none", "drives = 2");
        String conf = dir.resolve("rmt411.conf").toString();
        ConfigLoad plain = ConfigLoad.of("--stdio", "--config", conf);
        assertThat(plain.logOptions("--stdio", "--config", conf))
                .isEqualTo(new org.rmt411.server.logging.LogOptions(org.rmt411.server.logging.LogMode.NONE, null));
        String[] args = {"--stdio", "--config=" + conf, "--log-file", "/var/log/r.log"};
        ConfigLoad overridden = ConfigLoad.of(args);
        assertThat(overridden.file().value("log")).isEmpty();
        assertThat(overridden.file().value("drives")).contains("2");
        assertThat(QuickArgs.parse(overridden.file(), args).orElseThrow().log().file()).isEqualTo(Path.of("/var/log/r.log"));
        assertThat(ConfigLoad.of("--rmt", "--config", dir.resolve("missing.conf").toString()).problem())
                .isEqualTo(dir.resolve("missing.conf") + ": No such file or directory");
        assertThat(ConfigLoad.of("cartridge", "list", "--config", conf).file()).isEqualTo(ConfigFile.NONE);
    }

    @Test
    void rmtModeServesHostPathsAndVirtualTapesOnlyWhenAsked() throws Exception {
        ServerConfig plain = QuickArgs.parse("--rmt").orElseThrow();
        assertThat(plain.root()).as("no jail").isNull();
        assertThat(plain.servesStdio()).isTrue();
        assertThat(plain.library()).as("/dev/nst0 is the host's").isNull();
        assertThat(QuickArgs.parse(file("tapes = on"), "--rmt").orElseThrow().library())
                .isEqualTo(ServerConfig.SYSTEM_LIBRARY);
        assertThat(QuickArgs.parse(file("root = /srv/tapes", "tapes = on"), "--rmt").orElseThrow().library())
                .isEqualTo(Path.of("/srv/tapes/library"));
        assertThat(QuickArgs.parse("--stdio").orElseThrow().library()).isEqualTo(Path.of("./tapes/library"));
        assertThat(QuickArgs.parse("--stdio", "--no-tapes").orElseThrow().library()).isNull();
    }

    @Test
    void defaultsAreTheEmbeddedOnes() {
        ServerConfig c = QuickArgs.parse().orElseThrow();
        assertThat(c.port()).isEqualTo(411);
        assertThat(c.root().toString()).isEqualTo("./tapes");
        assertThat(c.allowed().toString()).isEqualTo("127.0.0.0/8,::1/128");
        assertThat(c.idleTimeout()).isEqualTo(java.time.Duration.ofHours(1));
    }

    @Test
    void leavesEverythingElseToPicocli() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-V"}, new String[] {"--port"},
                new String[] {"--port", "x"}, new String[] {"--stdio", "--inetd"}, new String[] {"--allow", "example.com"},
                new String[] {"--seek-order", "sideways"}, new String[] {"--trace=yes"}, new String[] {"cartridge", "list"},
                new String[] {"--port", "70000"}, new String[] {"--drives", "0"},
                new String[] {"--capacity", "1M", "--early-warning", "2M"}, new String[] {"--capacity", "lots"},
                new String[] {"--root="}, new String[] {"--root", ""}, new String[] {"--bind="},
                new String[] {"--log", "sideways"}, new String[] {"--log", "file"}, new String[] {"--log-file="},
                new String[] {"--log", "none", "--log-file", "x.log"}, new String[] {"--max-sessions", "0"},
                new String[] {"--idle-timeout", "soon"}, new String[] {"--idle-timeout", "-5s"},
                new String[] {"--rmt", "--inetd"}, new String[] {"--library="}, new String[] {"--config"},
                new String[] {"--rmt=yes"},
                new String[] {"--tls-cert", "c.pem"}, new String[] {"--tls-key", "k.pem"},
                new String[] {"--tls-client-ca", "ca.pem"}, new String[] {"--tls-cert", "c.pem", "--tls-key"},
                new String[] {"--stdio", "--tls-cert", "c.pem", "--tls-key", "k.pem"},
                new String[] {"--rmt", "--tls-cert", "c.pem", "--tls-key", "k.pem"},
                new String[] {"--tls-cert=", "--tls-key", "k.pem"})) {
            assertThat(QuickArgs.parse(args)).as(String.join(" ", args)).isEmpty();
        }
    }
}
