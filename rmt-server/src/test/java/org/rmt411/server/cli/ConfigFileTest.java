package org.rmt411.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.server.access.AccessRule;
import org.rmt411.server.config.ConfigException;
import org.rmt411.server.config.ConfigFile;

/**
 * The configuration file's parser against golden files: a file using every key and rule form
 * reads as {@code full.expected} says, and each malformed line of {@code malformed.cases} stops
 * the reading with exactly its message.
 */
class ConfigFileTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ConfigFileTest.class.getResource("/config/" + name).toURI());
    }

    /** One line per setting ({@code key=value @line}, sorted), then one per rule in file order. */
    private static String render(ConfigFile file) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, ConfigFile.Setting> e : new TreeMap<>(file.settings()).entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue().value()).append(" @").append(e.getValue().line())
                    .append('\n');
        }
        for (AccessRule rule : file.access().rules()) {
            sb.append(rule.origin()).append(' ').append(rule.text()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void everyKeyAndRuleFormReadsAsTheGoldenFileSays() throws Exception {
        Path conf = resource("full.conf");
        String expected = Files.readString(resource("full.expected")).replace("FILE", conf.toString());
        assertThat(render(ConfigKeys.parser().read(conf))).isEqualTo(expected);
    }

    @Test
    void eachMalformedLineIsRefusedWithItsOwnMessage() throws Exception {
        List<String> cases = Files.readAllLines(resource("malformed.cases"));
        int checked = 0;
        for (String c : cases) {
            if (c.startsWith("#")) {
                continue;
            }
            int tab = c.indexOf('\t');
            Path file = Files.writeString(dir.resolve("case" + checked++ + ".conf"),
                    "trace = on\n" + c.substring(0, tab) + "\n# after\n");
            assertThatThrownBy(() -> ConfigKeys.parser().read(file)).as(c)
                    .isInstanceOf(ConfigException.class)
                    .hasMessage(file + ":2: " + c.substring(tab + 1));
        }
        assertThat(checked).isEqualTo(cases.size() - 1);
    }

    @Test
    void settingsThatContradictEachOtherAreRefusedAtTheLaterLine() throws Exception {
        Path sizes = Files.writeString(dir.resolve("sizes.conf"), "early-warning = 2M\n# tapes\ncapacity = 1M\n");
        assertThatThrownBy(() -> ConfigKeys.read(sizes)).hasMessage(sizes
                + ":3: early-warning = 2M (line 1) must be below capacity = 1M (line 3)");
        Path logs = Files.writeString(dir.resolve("logs.conf"), "log = none\nlog-file = /var/log/rmt411.log\n");
        assertThatThrownBy(() -> ConfigKeys.read(logs)).hasMessage(logs
                + ":2: log-file = /var/log/rmt411.log (line 2) conflicts with log = none (line 1)");
        Path nameless = Files.writeString(dir.resolve("nameless.conf"), "\nlog = file\n");
        assertThatThrownBy(() -> ConfigKeys.read(nameless)).hasMessage(nameless
                + ":2: log = file: name the file with log-file = FILE");
        Path unlimited = Files.writeString(dir.resolve("unlimited.conf"), "capacity = 0\nearly-warning = 2M\n");
        assertThat(ConfigKeys.read(unlimited).value("capacity")).contains("0");
    }

    @Test
    void theShippedFileSetsNothingSoInstallingItChangesNothing() throws Exception {
        ConfigFile shipped = ConfigKeys.read(Path.of("src/main/config/rmt411.conf"));
        assertThat(shipped.settings()).isEmpty();
        assertThat(shipped.access().rules()).isEmpty();
    }

    @Test
    void theDocumentedExamplesRead() throws Exception {
        String doc = Files.readString(Path.of("../docs/configuration.md"));
        int examples = 0;
        for (String block : doc.split("```")) {
            if (block.startsWith("conf\n")) {
                Path file = Files.writeString(dir.resolve("example" + examples++ + ".conf"), block.substring(5));
                ConfigKeys.read(file);
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anEmptyFileOrOnlyCommentsSetsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.conf"), "# nothing\n\n   \n\t# still nothing\n");
        ConfigFile read = ConfigKeys.parser().read(file);
        assertThat(read.settings()).isEmpty();
        assertThat(read.access().rules()).isEmpty();
    }

    @Test
    void anUnreadableOrMissingFileSaysWhy() throws IOException {
        Path missing = dir.resolve("missing.conf");
        assertThatThrownBy(() -> ConfigKeys.parser().read(missing)).hasMessage(missing + ": No such file or directory");
        Path binary = Files.write(dir.resolve("binary.conf"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertThatThrownBy(() -> ConfigKeys.parser().read(binary)).hasMessage(binary + ": not UTF-8 text");
    }

    @Test
    void crlfLineEndsAreTolerated() throws Exception {
        Path file = Files.writeString(dir.resolve("dos.conf"), "root = /srv/tapes\r\nallow backup rw /dev/nst*\r\n");
        ConfigFile read = ConfigKeys.parser().read(file);
        assertThat(read.value("root")).contains("/srv/tapes");
        assertThat(read.access().rules()).hasSize(1);
    }
}
