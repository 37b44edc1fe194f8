package org.rmt411.client.tar;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The member names GNU tar would write for the paths it is given: its {@code safer_name_suffix}
 * (tar 1.34, src/names.c). Everything up to and including the last {@code ..} component goes,
 * then any leading slashes, so no member climbs out of the folder it is extracted into (GNU tar
 * refuses to extract a name with {@code ..} in it). Each distinct prefix removed is reported
 * once, as GNU tar does; an emptied name becomes {@code .}. Link targets of symbolic links are
 * left alone (GNU tar keeps them); targets of hard links are member names and are cut the same
 * way, reported separately.
 */
final class SaferNames {
    private final Consumer<String> warnings;
    private final Set<String> memberPrefixes = new HashSet<>();
    private final Set<String> linkPrefixes = new HashSet<>();

    SaferNames(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * The safe suffix of {@code name}, without any report.
     *
     * @param name a member name with '/' separators (a folder's without its trailing '/')
     */
    static String suffix(String name) {
        return name.substring(prefixLength(name)).isEmpty() ? "." : name.substring(prefixLength(name));
    }

    /** The member name for {@code name}, reporting a removed prefix the first time it is seen. */
    String member(String name) {
        return cut(name, memberPrefixes, "member names");
    }

    /** The hard link target for {@code name}, reported as GNU tar reports link targets. */
    String linkTarget(String name) {
        return cut(name, linkPrefixes, "hard link targets");
    }

    private String cut(String name, Set<String> seen, String what) {
        int length = prefixLength(name);
        if (length > 0 && seen.add(name.substring(0, length))) {
            // GNU tar 1.34 quotes the prefix as `...'; the issue asks for '...', as newer
            // gnulib quoting (and tar's translations) print it.
            warnings.accept("Removing leading '" + name.substring(0, length) + "' from " + what);
        }
        return suffix(name);
    }

    /** Length of the prefix GNU tar removes: through the last ".." component, then slashes. */
    static int prefixLength(String name) {
        int prefix = 0;
        int p = 0;
        while (p < name.length()) {
            if (name.startsWith("..", p) && (p + 2 == name.length() || name.charAt(p + 2) == '/')) {
                prefix = p + 2;
            }
            int slash = name.indexOf('/', p);
            p = slash < 0 ? name.length() : slash + 1;
        }
        while (prefix < name.length() && name.charAt(prefix) == '/') {
            prefix++;
        }
        return prefix;
    }
}
