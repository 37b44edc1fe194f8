package org.rmt411.client.cli;

import java.nio.file.Path;

/** The member name tar gives an absolute path: the path without its leading '/'. */
final class TarNames {
    private TarNames() {
    }

    static String relative(Path absolute) {
        return absolute.toString().substring(1);
    }
}
