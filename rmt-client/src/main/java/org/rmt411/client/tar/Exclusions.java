package org.rmt411.client.tar;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * GNU tar's {@code --exclude=PATTERN}, with its defaults for exclusion: shell wildcards
 * ({@code * ? [...]}, {@code \} quoting) in which {@code *} and {@code ?} also match {@code /},
 * not anchored: a pattern matches the whole member name or any tail of it that starts at a
 * {@code /}. So {@code *.o} drops object files at any depth and {@code build} drops every
 * {@code build} file or folder with all beneath it. A leading {@code /} in a pattern is ignored,
 * as member names have none.
 */
public final class Exclusions {
    /** Excludes nothing. */
    public static final Exclusions NONE = new Exclusions(List.of());

    private final List<Pattern> patterns = new ArrayList<>();

    /** The exclusions for these patterns (each as given to {@code --exclude}). */
    public Exclusions(List<String> globs) {
        for (String glob : globs) {
            String relative = glob.replaceFirst("^/+", "");
            if (!relative.isEmpty()) {
                patterns.add(compile(relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative));
            }
        }
    }

    /** Whether the member {@code name} (a folder's with or without its trailing /) is excluded. */
    public boolean excludes(String name) {
        if (patterns.isEmpty()) {
            return false;
        }
        String member = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (Pattern pattern : patterns) {
            int start = 0;
            while (start >= 0) {
                if (pattern.matcher(member).region(start, member.length()).matches()) {
                    return true;
                }
                int slash = member.indexOf('/', start);
                start = slash < 0 ? -1 : slash + 1;
            }
        }
        return false;
    }

    /** A shell wildcard as a regular expression; an unclosed {@code [} is an ordinary character. */
    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
                int end = glob.indexOf(']', i + 2);
                String set = glob.substring(i + 1, end);
                boolean negated = set.startsWith("!") || set.startsWith("^");
                regex.append(negated ? "[^" : "[").append(classBody(negated ? set.substring(1) : set)).append(']');
                i = end;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** A bracket expression's members, with only '-' ranges keeping their meaning. */
    private static String classBody(String set) {
        StringBuilder body = new StringBuilder();
        for (char c : set.toCharArray()) {
            body.append(c == '-' ? "-" : Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
        return body.toString();
    }
}
