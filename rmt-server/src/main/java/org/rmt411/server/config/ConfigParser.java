package org.rmt411.server.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.rmt411.server.access.AccessPolicy;
import org.rmt411.server.access.AccessRule;
import org.rmt411.server.access.RuleSyntax;
import org.rmt411.server.logging.Reasons;

/**
 * Reads the line-based configuration file: {@code key = value} settings, {@code allow} and
 * {@code deny} rules, blank lines and whole-line {@code #} comments, in the spirit of Schily
 * rmt's {@code /etc/default/rmt}. The first malformed line stops the reading with one message
 * naming {@code FILE:LINE} and the reason. Which keys exist and what their values may be is the
 * caller's: each key comes with a check that returns the value in the command line's form or
 * throws {@link IllegalArgumentException} saying what was expected.
 */
public final class ConfigParser {
    private final Map<String, UnaryOperator<String>> keys;

    /** A parser knowing {@code keys}. */
    public ConfigParser(Map<String, UnaryOperator<String>> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** Reads {@code file}. */
    public ConfigFile read(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = List.of(StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString().split("\n", -1));
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(file + ": " + Reasons.of(e));
        }
        return parse(file, lines);
    }

    /** Parses {@code lines} as the content of {@code file}. */
    public ConfigFile parse(Path file, List<String> lines) throws ConfigException {
        Map<String, ConfigFile.Setting> settings = new HashMap<>();
        List<AccessRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                if (line.indexOf('=') >= 0 && !RuleSyntax.isRule(line)) {
                    setting(settings, line, i + 1);
                } else {
                    rules.add(rule(line, where));
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": " + e.getMessage());
            }
        }
        return new ConfigFile(file, settings, new AccessPolicy(rules, file.toString()));
    }

    private void setting(Map<String, ConfigFile.Setting> settings, String line, int number) {
        int eq = line.indexOf('=');
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        UnaryOperator<String> check = keys.get(key);
        if (check == null) {
            throw new IllegalArgumentException(key.isEmpty() ? "a setting needs a key before '='"
                    : "unknown key '" + key + "'");
        }
        ConfigFile.Setting earlier = settings.get(key);
        if (earlier != null) {
            throw new IllegalArgumentException(key + " is already set on line " + earlier.line());
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + ": the value is empty");
        }
        String checked;
        try {
            checked = check.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " = " + value + ": " + e.getMessage());
        }
        settings.put(key, new ConfigFile.Setting(checked, number));
    }

    private static AccessRule rule(String line, String where) {
        return RuleSyntax.parse(line, where);
    }
}
