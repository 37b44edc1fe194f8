package org.rmt411.server.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rmt411.server.access.AccessPolicy;
import org.rmt411.server.access.AccessRule;
import org.rmt411.server.access.RuleSyntax;
import org.rmt411.server.logging.Reasons;

/**
 * Reads a {@code --policy} file: only {@code allow}/{@code deny} rules, blank lines and
 * whole-line {@code #} comments, in the syntax of the configuration file's rules. The first
 * malformed line stops the reading with one message naming {@code FILE:LINE} and the reason.
 */
public final class PolicyFile {
    private PolicyFile() {
    }

    /** Reads {@code file}. */
    public static AccessPolicy read(Path file) throws ConfigException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(file + ": " + Reasons.of(e));
        }
        return parse(file, List.of(text.split("\n", -1)));
    }

    /**
     * Parses {@code lines} as the content of {@code file}. A file without a rule is refused:
     * it would leave every open to the operating system, surely not what its author meant.
     */
    public static AccessPolicy parse(Path file, List<String> lines) throws ConfigException {
        List<AccessRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                rules.add(rule(line, where));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": " + e.getMessage());
            }
        }
        if (rules.isEmpty()) {
            throw new ConfigException(file + ": no allow or deny rule (an empty policy would allow every open)");
        }
        return new AccessPolicy(rules, file.toString());
    }

    private static AccessRule rule(String line, String where) {
        if (!RuleSyntax.isRule(line)) {
            String first = line.split("[\\s=]", 2)[0];
            throw new IllegalArgumentException(line.indexOf('=') >= 0
                    ? "settings belong in the configuration file (--config); a policy holds only allow and deny rules"
                    : "expected an allow or deny rule, not '" + first + "'");
        }
        return RuleSyntax.parse(line, where);
    }
}
