package org.rmt411.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtException;

/**
 * The jail on the real file system, including the windows between resolving a name and opening
 * it: whatever is swapped in meanwhile, nothing outside the root is opened or created.
 */
class RootJailTest {
    private static final Set<StandardOpenOption> CREATE =
            Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE);

    @TempDir
    Path work;
    private Path root;
    private Path outside;
    private RootJail jail;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(work.resolve("root"));
        outside = Files.createDirectories(work.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "s");
        jail = new RootJail(root);
    }

    private static void write(FileChannel channel, String text) throws IOException {
        try (channel) {
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @Test
    void folderSwappedForALinkAfterTheWalkIsNotFollowed() throws IOException {
        Files.createDirectories(root.resolve("dir"));
        try (RootJail.Located target = jail.locate("/dir/new")) {
            // The attack: the folder is moved away and a link to outside takes its name.
            Files.move(root.resolve("dir"), root.resolve("moved"));
            Files.createSymbolicLink(root.resolve("dir"), outside);
            write(target.open(CREATE), "x");
        }
        assertThat(outside.resolve("new")).doesNotExist();
        assertThat(root.resolve("moved/new")).hasContent("x");
    }

    @Test
    void fileSwappedForALinkAfterTheWalkIsRefused() throws IOException {
        try (RootJail.Located target = jail.locate("/f")) {
            Files.createSymbolicLink(root.resolve("f"), outside.resolve("secret"));
            // O_NOFOLLOW's ELOOP, which the session answers as E40.
            assertThatThrownBy(() -> target.open(CREATE)).isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(ErrnoMapper.toRmt(e).errno()).isEqualTo(Errno.ELOOP.number()));
        }
        assertThat(outside.resolve("secret")).hasContent("s");
    }

    @Test
    void linksInsideTheRootAreFollowedEvenDanglingOnes() throws IOException {
        Files.createDirectories(root.resolve("real"));
        Files.createSymbolicLink(root.resolve("rel"), Path.of("real"));
        Files.createSymbolicLink(root.resolve("real/up"), Path.of("../real"));
        Files.createSymbolicLink(root.resolve("abs"), root.resolve("real"));
        Files.createSymbolicLink(root.resolve("later"), Path.of("real/created-through-link"));
        for (String name : new String[] {"rel/up/up/x", "abs/x", "abs/up/x"}) {
            try (RootJail.Located t = jail.locate(name)) {
                assertThat(t.segments()).as(name).containsExactly("real", "x");
            }
        }
        try (RootJail.Located t = jail.locate("later")) {
            assertThat(t.exists()).isFalse();
            write(t.open(CREATE), "y");
        }
        assertThat(root.resolve("real/created-through-link")).hasContent("y");
    }

    @Test
    void linksLeadingOutOrLoopingAreRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("climb"), Path.of("../outside/secret"));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
        for (String name : new String[] {"out/secret", "out/new", "climb", "loop", "loop/x"}) {
            assertThatThrownBy(() -> jail.locate(name).close()).as(name)
                    .isInstanceOfSatisfying(RmtException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES.number()));
        }
        assertThat(outside.resolve("new")).doesNotExist();
    }

    @Test
    void missingAndNonFolderParentsFailLikeOpen() throws IOException {
        Files.writeString(root.resolve("file"), "f");
        assertThatThrownBy(() -> jail.locate("missing/x").close()).isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThatThrownBy(() -> jail.locate("file/x").close()).isInstanceOf(NotDirectoryException.class);
        try (RootJail.Located t = jail.locate("/")) {
            assertThat(t.isDirectory()).isTrue();
            assertThat(t.segments()).isEmpty();
        }
    }

    @Test
    void reservedFolderIsFoundThroughALink() throws IOException {
        Files.createDirectories(root.resolve("tapes"));
        Files.writeString(root.resolve("tapes/VT0001.tap"), "image");
        Files.createSymbolicLink(root.resolve("library"), Path.of("tapes"));
        FileProvider files = new FileProvider(jail, "library");
        for (String name : new String[] {"tapes/VT0001.tap", "library/VT0001.tap", "tapes/new"}) {
            assertThatThrownBy(() -> files.open(name, 01 | 0100 | 01000)).as(name)
                    .isInstanceOfSatisfying(RmtException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES.number()));
        }
        assertThat(root.resolve("tapes/VT0001.tap")).hasContent("image");
        assertThat(files.open("elsewhere", 01 | 0100)).isPresent().get().satisfies(d -> d.close());
    }
}
