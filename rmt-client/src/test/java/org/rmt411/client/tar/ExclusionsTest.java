package org.rmt411.client.tar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --exclude as GNU tar matches it by default: wildcards across '/', not anchored. */
class ExclusionsTest {
    private static Exclusions of(String... patterns) {
        return new Exclusions(List.of(patterns));
    }

    @Test
    void patternsMatchAnyTailOfTheName() {
        Exclusions objects = of("*.o");
        assertThat(objects.excludes("a/b/c.o")).isTrue();
        assertThat(objects.excludes("c.o")).isTrue();
        assertThat(objects.excludes("a/c.oo")).isFalse();
        Exclusions build = of("build");
        assertThat(build.excludes("build")).isTrue();
        assertThat(build.excludes("src/build/")).isTrue();
        assertThat(build.excludes("src/builder")).isFalse();
        assertThat(build.excludes("rebuild")).isFalse();
        Exclusions path = of("src/tmp");
        assertThat(path.excludes("x/src/tmp")).isTrue();
        assertThat(path.excludes("src/tmpx")).isFalse();
        assertThat(path.excludes("xsrc/tmp")).isFalse();
    }

    @Test
    void wildcardsCrossSlashesAndBracketsAndEscapesWork() {
        assertThat(of("a?b").excludes("a/b")).isTrue();
        assertThat(of("top*log").excludes("top/var/log")).isTrue();
        assertThat(of("[ab].txt").excludes("d/a.txt")).isTrue();
        assertThat(of("[ab].txt").excludes("d/c.txt")).isFalse();
        assertThat(of("[!ab].txt").excludes("c.txt")).isTrue();
        assertThat(of("[!ab].txt").excludes("a.txt")).isFalse();
        assertThat(of("[0-9]x").excludes("7x")).isTrue();
        assertThat(of("\\*").excludes("*")).isTrue();
        assertThat(of("\\*").excludes("x")).isFalse();
        assertThat(of("a.b").excludes("axb")).as("a dot is literal").isFalse();
        assertThat(of("[unclosed").excludes("[unclosed")).isTrue();
    }

    @Test
    void leadingSlashAndTrailingSlashAreIgnored() {
        assertThat(of("/home/me/cache").excludes("home/me/cache")).isTrue();
        assertThat(of("cache/").excludes("home/me/cache")).isTrue();
        assertThat(Exclusions.NONE.excludes("anything")).isFalse();
        assertThat(of("", "/").excludes("x")).isFalse();
    }
}
