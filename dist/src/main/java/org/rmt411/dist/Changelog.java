package org.rmt411.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The package's {@code changelog.gz}: a native Debian package must ship one in Debian's
 * changelog format (lintian's debian-changelog-file-missing), naming the version being built.
 */
final class Changelog {
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Changelog() {
    }

    /** Maven's {@code 0.1.0-SNAPSHOT} as the package's {@code 0.1.0~snapshot} (jdeb's mapping): sorts before 0.1.0. */
    static String debianVersion(String mavenVersion) {
        return mavenVersion.replace("-SNAPSHOT", "~snapshot");
    }

    /** Writes the one-entry changelog for {@code mavenVersion}, dated {@code when}. */
    static void write(Path target, String mavenVersion, String maintainer, Instant when) throws IOException {
        String text = "rmt411 (" + debianVersion(mavenVersion) + ") unstable; urgency=medium\n\n"
                + "  * Build of rmt411 " + mavenVersion + " from its Maven project.\n\n"
                + " -- " + maintainer + "  " + RFC_2822.format(when) + "\n";
        Gzip.write(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
