package org.rmt411.client.tar;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which members {@code list NAME...} and {@code restore NAME...} act on, matched as GNU tar
 * matches member names. Literally by default: a name selects the member of that name and
 * everything beneath it. With {@code --wildcards}: shell patterns, anchored at the start of the
 * name, {@code *} and {@code ?} matching {@code /} too, and a pattern that matches a folder
 * selecting all beneath it (fnmatch with FNM_LEADING_DIR). A trailing '/' in a name is ignored.
 * As in GNU tar, a member is credited to the first name that selects it, and a name that
 * selected nothing is reported as not found.
 */
public final class MemberSelection {
    /** Selects every member. */
    public static final MemberSelection ALL = new MemberSelection(List.of(), false);

    private final List<String> names = new ArrayList<>();
    private final List<Pattern> patterns;
    private final boolean[] found;

    /**
     * @param names the names or patterns given; none selects everything
     * @param wildcards whether they are shell patterns ({@code --wildcards})
     */
    public MemberSelection(List<String> names, boolean wildcards) {
        for (String name : names) {
            String trimmed = name.replaceFirst("/+$", "");
            this.names.add(trimmed.isEmpty() ? name : trimmed);
        }
        this.patterns = wildcards ? this.names.stream().map(Exclusions::compile).toList() : null;
        this.found = new boolean[this.names.size()];
    }

    /** Whether {@code member} is selected; credits the first name that selects it. */
    public boolean selects(String member) {
        if (names.isEmpty()) {
            return true;
        }
        String name = member.length() > 1 && member.endsWith("/") ? member.substring(0, member.length() - 1) : member;
        for (int i = 0; i < names.size(); i++) {
            if (patterns == null ? literal(names.get(i), name) : leadingDir(patterns.get(i), name)) {
                found[i] = true;
                return true;
            }
        }
        return false;
    }

    /** The names that selected no member so far (all of them are reported after the archive). */
    public List<String> notFound() {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!found[i]) {
                missing.add(names.get(i));
            }
        }
        return missing;
    }

    /**
     * Whether a literal name holds wildcard characters, which GNU tar points out ("Pattern
     * matching characters used in file names") because the user probably meant --wildcards.
     */
    public boolean literalNamesLookLikePatterns() {
        return patterns == null && names.stream().anyMatch(n -> n.matches(".*[*?\\[].*"));
    }

    private static boolean literal(String wanted, String name) {
        return name.equals(wanted) || name.startsWith(wanted) && name.charAt(wanted.length()) == '/';
    }

    private static boolean leadingDir(Pattern pattern, String name) {
        if (pattern.matcher(name).matches()) {
            return true;
        }
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
            if (pattern.matcher(name).region(0, slash).matches()) {
                return true;
            }
        }
        return false;
    }
}
