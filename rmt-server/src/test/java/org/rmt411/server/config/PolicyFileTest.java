package org.rmt411.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.server.access.AccessPolicy;
import org.rmt411.server.access.AccessRule;

/** The {@code --policy} file: its rule forms, and each malformed line stopping the reading with exactly its message. */
class PolicyFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void everySubjectFormReadsAsWrittenWithItsLine() throws Exception {
        Path file = write("policy",
                "# tape host policy",
                "allow backup rw /dev/nst*",
                "",
                "  allow login:restore read /dev/nst*",
                "allow addr:10.0.0.0/8,192.168.1.7,::1 read /backups/**",
                "allow cn:drive1.example rw /dev/nst1",
                "allow \"dn:CN=Backup Host,O=Example Corp\" rw /dev/*st2",
                "deny * write /**");
        List<String> rules = PolicyFile.read(file).rules().stream().map(r -> r.origin() + " " + r.text()).toList();
        assertThat(rules).containsExactly(
                file + ":2 allow backup rw /dev/nst*",
                file + ":4 allow login:restore read /dev/nst*",
                file + ":5 allow addr:10.0.0.0/8,192.168.1.7,::1 read /backups/**",
                file + ":6 allow cn:drive1.example rw /dev/nst1",
                file + ":7 allow dn:CN=Backup Host,O=Example Corp rw /dev/*st2",
                file + ":8 deny * write /**");
    }

    @Test
    void eachMalformedLineIsRefusedWithItsLineAndReason() throws Exception {
        List<String> cases = Files.readAllLines(Path.of(getClass().getResource("/policy/malformed.cases").toURI()));
        int checked = 0;
        for (String c : cases) {
            if (c.startsWith("#")) {
                continue;
            }
            int tab = c.indexOf('\t');
            Path file = write("case" + checked++, "allow * read /dev/nst*", c.substring(0, tab), "# after");
            assertThatThrownBy(() -> PolicyFile.read(file)).as(c)
                    .isInstanceOf(ConfigException.class)
                    .hasMessage(file + ":2: " + c.substring(tab + 1));
        }
        assertThat(checked).isEqualTo(15);
    }

    @Test
    void aPolicyWithoutRulesOrUnreadableIsRefused() throws Exception {
        Path empty = write("empty", "# nothing yet", "");
        assertThatThrownBy(() -> PolicyFile.read(empty))
                .hasMessage(empty + ": no allow or deny rule (an empty policy would allow every open)");
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> PolicyFile.read(missing)).hasMessage(missing + ": No such file or directory");
        Path binary = Files.write(dir.resolve("binary"), new byte[] {'a', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> PolicyFile.read(binary)).hasMessage(binary + ": not UTF-8 text");
    }

    @Test
    void theConfigurationFileTakesTheSameRulesEvenWithAnEqualsSignInTheSubject() throws Exception {
        ConfigFile file = new ConfigParser(Map.of()).read(write("rmt411.conf", "allow dn:CN=backup,O=Example rw /dev/nst*"));
        AccessRule rule = file.access().rules().get(0);
        assertThat(rule.text()).isEqualTo("allow dn:CN=backup,O=Example rw /dev/nst*");
        assertThat(AccessPolicy.combined(AccessPolicy.OPEN, file.access())).isSameAs(file.access());
    }
}
