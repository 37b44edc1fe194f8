package org.rmt411.server.access;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code allow|deny SUBJECT MODE PATTERN} line, as both the configuration file and the
 * {@code --policy} file write it. Words are separated by blanks; a word in double quotes may
 * contain blanks, for certificate names such as {@code "dn:CN=Backup Host,O=Example"}
 * ({@code \"} and {@code \\} inside quotes stand for themselves).
 */
public final class RuleSyntax {
    private RuleSyntax() {
    }

    /**
     * Parses {@code line} written at {@code where} ({@code FILE:LINE}).
     *
     * @throws IllegalArgumentException with the reason, without the place
     */
    public static AccessRule parse(String line, String where) {
        List<String> words = words(line);
        boolean allow = words.get(0).equals("allow");
        if (!allow && !words.get(0).equals("deny")) {
            throw new IllegalArgumentException("expected 'key = value' or an allow or deny rule, not '"
                    + words.get(0) + "'");
        }
        if (words.size() != 4) {
            throw new IllegalArgumentException("expected '" + words.get(0) + " SUBJECT MODE PATTERN' (4 words), found "
                    + words.size());
        }
        return new AccessRule(allow, Subject.parse(words.get(1)), AccessMode.parse(words.get(2)),
                DeviceGlob.parse(words.get(3)), where);
    }

    /**
     * Whether {@code line} is a rule by its first word, though it may contain {@code =}
     * ({@code allow dn:CN=backup rw /dev/nst*}) as a setting does.
     */
    public static boolean isRule(String line) {
        String first = line.split("\\s", 2)[0];
        return first.equals("allow") || first.equals("deny");
    }

    /** The blank-separated words of a non-blank line, quotes removed. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                if (c == '"') {
                    quoted = true;
                } else {
                    word.append(c);
                }
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quote is not closed");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
