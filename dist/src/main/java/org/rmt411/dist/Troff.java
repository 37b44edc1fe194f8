package org.rmt411.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;

/**
 * AsciiDoc pages to gzipped troff with Asciidoctor's manpage backend, run in-process through
 * AsciidoctorJ so the build needs no Ruby, no network and no tool outside Maven.
 */
final class Troff {
    private Troff() {
    }

    /**
     * Converts every {@code *.adoc} in {@code adocDir} to {@code manDir/manN/NAME.N.gz}; the
     * handwritten pages see the build's version as {@code {rmt411-version}}.
     */
    static void convert(Path adocDir, Path troffDir, Path manDir, String version) throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.list(adocDir)) {
            pages = files.filter(p -> p.toString().endsWith(".adoc")).sorted().toList();
        }
        Files.createDirectories(troffDir);
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            Options options = Options.builder().backend("manpage").safe(SafeMode.UNSAFE)
                    .toDir(troffDir.toFile()).mkDirs(true)
                    .attributes(Attributes.builder().attribute("rmt411-version", version).build()).build();
            for (Path page : pages) {
                asciidoctor.convertFile(page.toFile(), options);
            }
        }
        try (Stream<Path> files = Files.list(troffDir)) {
            for (Path troff : files.sorted().toList()) {
                String name = troff.getFileName().toString();
                String section = name.substring(name.lastIndexOf('.') + 1);
                Gzip.file(troff, manDir.resolve("man" + section).resolve(name + ".gz"));
            }
        }
    }
}
