package org.rmt411.client.tar;

import java.util.ArrayList;
import java.util.List;

/**
 * Member-name hygiene for extraction, as GNU tar protects: leading {@code /} removed, {@code .}
 * and empty components dropped, and any {@code ..} component refused.
 */
final class MemberNames {
    private MemberNames() {
    }

    /**
     * The safe components of {@code name}.
     *
     * @return the components (empty for the archive's top folder itself), or null if the name
     *     climbs with {@code ..}
     */
    static List<String> components(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") || part.indexOf('\0') >= 0) {
                return null;
            }
            parts.add(part);
        }
        return parts;
    }
}
