package org.rmt411.dist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the build made: the .deb and .tar.gz under dist/target, and the names they hold. */
final class Dist {
    /** The client's subcommands, each with its own man page. */
    static final List<String> CLIENT_SUBCOMMANDS = List.of("backup", "list", "restore", "mt", "bridge", "probe");

    private Dist() {
    }

    /** The Maven version being built, e.g. 0.1.0-SNAPSHOT. */
    static String version() {
        return System.getProperty("rmt411.version", "0.1.0-SNAPSHOT");
    }

    /** dist/target. */
    static Path dir() {
        return Path.of(System.getProperty("rmt411.distDir", "target"));
    }

    /** The .deb of this version (an older build's may lie beside it). */
    static Path deb() {
        Path deb = dir().resolve("rmt411_" + Changelog.debianVersion(version()) + "_all.deb");
        if (!Files.isRegularFile(deb)) {
            throw new AssertionError("no " + deb + ": run mvn package first");
        }
        return deb;
    }

    /** The .tar.gz of this version. */
    static Path tarball() {
        Path tgz = dir().resolve("rmt411-" + version() + ".tar.gz");
        if (!Files.isRegularFile(tgz)) {
            throw new AssertionError("no " + tgz + ": run mvn package first");
        }
        return tgz;
    }

    /** The JDK running the tests, as JAVA_HOME for the launchers. */
    static String javaHome() {
        return System.getProperty("java.home");
    }
}
