package org.rmt411.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast start-up parser and picocli must read every plain server invocation alike. */
class QuickArgsTest {
    private static final List<String[]> PLAIN = List.of(
            new String[] {},
            new String[] {"--stdio", "--root", "/srv/tapes"},
            new String[] {"--stdio", "--root=/srv/tapes", "--trace", "--read-only"},
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
            new String[] {"--port", "4110", "--tls-cert", "/etc/rmt411/cert.pem", "--tls-key", "/etc/rmt411/key.pem"},
            new String[] {"--tls-cert=c.pem", "--tls-key=k.pem", "--tls-client-ca=ca.pem", "--inetd"});

    @Test
    void agreesWithPicocli() {
        for (String[] args : PLAIN) {
            assertThat(QuickArgs.parse(args)).as(String.join(" ", args)).contains(ServerMain.parse(args));
        }
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
                new String[] {"--tls-cert", "c.pem"}, new String[] {"--tls-key", "k.pem"},
                new String[] {"--tls-client-ca", "ca.pem"}, new String[] {"--tls-cert", "c.pem", "--tls-key"},
                new String[] {"--stdio", "--tls-cert", "c.pem", "--tls-key", "k.pem"},
                new String[] {"--tls-cert=", "--tls-key", "k.pem"})) {
            assertThat(QuickArgs.parse(args)).as(String.join(" ", args)).isEmpty();
        }
    }
}
