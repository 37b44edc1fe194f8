package org.rmt411.client.console;

import java.util.ArrayList;
import java.util.List;

/** Splits a console line into words; a {@code "quoted string"} (escapes kept) is one word, quotes included. */
final class Words {
    private Words() {
    }

    /** The words of {@code line}; an unclosed quote is an error naming it. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '"') {
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    i += line.charAt(i) == '\\' ? 2 : 1;
                }
                if (i >= line.length()) {
                    throw new IllegalArgumentException("unclosed quote in " + line.substring(start));
                }
                i++;
            } else {
                while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
            }
            words.add(line.substring(start, i));
        }
        return words;
    }

    /** True for a word written in quotes. */
    static boolean quoted(String word) {
        return word.length() >= 2 && word.startsWith("\"") && word.endsWith("\"");
    }

    /** The bytes a quoted word stands for, escapes resolved. */
    static byte[] unquote(String word) {
        return Escapes.parse(word.substring(1, word.length() - 1));
    }
}
