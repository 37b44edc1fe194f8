package org.rmt411.client.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.InProcessServer;
import org.rmt411.client.RemoteTape;
import org.rmt411.client.RmtDialect;
import org.rmt411.client.Trees;
import org.rmt411.client.VolumeTrees;
import org.rmt411.client.tar.Feedback;
import org.rmt411.client.tar.RemoteArchive;
import org.rmt411.client.tar.RestoreOptions;
import org.rmt411.protocol.OpenFlags;

/**
 * GNU tar's own multi-volume sets, cut by tape length ({@code -L}) into plain files: the 'M'
 * header the client writes is GNU tar's byte for byte, and the client reads GNU tar's sets.
 */
class GnuVolumesTest {
    @TempDir
    Path work;
    private Path root;
    private InProcessServer server;
    private Path src;
    private List<String> volumes;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tar")) || Files.isExecutable(Path.of("/bin/tar")), "GNU tar");
        root = Files.createDirectories(work.resolve("served"));
        server = InProcessServer.serve(root);
        src = VolumeTrees.build(work.resolve("parent").resolve("src"));
        gnuTarSet("v");
    }

    /** GNU tar -M in 1000 KiB volumes PREFIX1.tar ... PREFIX16.tar: huge.bin spans six of them. */
    private void gnuTarSet(String prefix, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("tar", "-M", "-L", "1000", "-b", "20"));
        command.addAll(List.of(options));
        volumes = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            command.add("-f");
            command.add(root.resolve(prefix + i + ".tar").toString());
            volumes.add("/" + prefix + i + ".tar");
        }
        command.addAll(List.of("-c", "-C", src.getParent().toString(), "src"));
        // No stdin: should the names run out, GNU tar's prompt meets end of file instead of waiting.
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void continuationHeaderIsGnuTarsByteForByte() throws Exception {
        byte[] gnu = Arrays.copyOf(Files.readAllBytes(root.resolve("v2.tar")), TarHeaders.BLOCK);
        assertThat(TarHeaders.type(gnu)).isEqualTo((byte) 'M');
        byte[] ours = TarHeaders.continuation(TarHeaders.name(gnu), TarHeaders.size(gnu), TarHeaders.offset(gnu));
        assertThat(ours).isEqualTo(gnu);
        // GNU tar walks folders in readdir order, so which member is cut is its choice.
        Path continued = src.getParent().resolve(TarHeaders.name(gnu));
        assertThat(TarHeaders.size(gnu) + TarHeaders.offset(gnu)).isEqualTo(Files.size(continued));
        assertThat(TarHeaders.offset(gnu)).isPositive();
    }

    @Test
    void clientRestoresGnuTarsSetFromFiles() throws Exception {
        RemoteArchive archive = new RemoteArchive(server.connector(), volumes.get(0), RmtDialect.DEFAULT, 10240);
        Volumes set = Volumes.multi(request -> volumes.get(request.volume() - 1));
        Path out = work.resolve("out");
        archive.restore(out, RestoreOptions.DEFAULTS.withVolumes(set), Feedback.SILENT);
        Trees.assertSame(src, out.resolve("src"));
    }

    @Test
    void clientRestoresGnuTarsPosixSet() throws Exception {
        gnuTarSet("posix", "--format=posix");
        assertThat(TarHeaders.type(Arrays.copyOf(Files.readAllBytes(root.resolve("posix2.tar")), TarHeaders.BLOCK)))
                .isEqualTo((byte) 'g');
        RemoteArchive archive = new RemoteArchive(server.connector(), volumes.get(0), RmtDialect.DEFAULT, 10240);
        Volumes set = Volumes.multi(request -> volumes.get(request.volume() - 1));
        Path out = work.resolve("out");
        archive.restore(out, RestoreOptions.DEFAULTS.withVolumes(set), Feedback.SILENT);
        Trees.assertSame(src, out.resolve("src"));
    }

    @Test
    void aGnuFormatCutInALongNameIsMatchedByItsFirst100BytesWithGnuTarsWarning() throws Exception {
        Path dir = Files.createDirectories(src.resolve("d".repeat(120)));
        Files.write(dir.resolve("big"), new byte[3 << 20]);
        gnuTarSet("long");
        RemoteArchive archive = new RemoteArchive(server.connector(), volumes.get(0), RmtDialect.DEFAULT, 10240);
        Volumes set = Volumes.multi(request -> volumes.get(request.volume() - 1));
        List<String> warnings = new ArrayList<>();
        archive.restore(work.resolve("out"), RestoreOptions.DEFAULTS.withVolumes(set),
                Feedback.SILENT.withWarnings(warnings::add));
        assertThat(Files.readAllBytes(work.resolve("out/src").resolve("d".repeat(120)).resolve("big")))
                .isEqualTo(new byte[3 << 20]);
        assertThat(warnings).contains("'src/" + "d".repeat(120)
                + "/big' is possibly continued on this volume: header contains truncated name");
    }

    @Test
    void volumeLabelsAreSkipped() throws Exception {
        gnuTarSet("label", "-V", "nightly");
        RemoteArchive archive = new RemoteArchive(server.connector(), volumes.get(0), RmtDialect.DEFAULT, 10240);
        Volumes set = Volumes.multi(request -> volumes.get(request.volume() - 1));
        Path out = work.resolve("out");
        archive.restore(out, RestoreOptions.DEFAULTS.withVolumes(set), Feedback.SILENT);
        Trees.assertSame(src, out.resolve("src"));
        assertThat(out.resolve("nightly Volume 1")).doesNotExist();
    }

    @Test
    void aVolumeOutOfOrderIsNamedAndRefused() throws Exception {
        String cut = TarHeaders.name(Arrays.copyOf(Files.readAllBytes(root.resolve("v2.tar")), TarHeaders.BLOCK));
        VolumeSet set = new VolumeSet(this::open, volumes.get(0), OpenFlags.O_RDONLY,
                request -> volumes.get(request.volume()), VolumeRequest.Subcommand.LIST, 20);
        try (InputStream in = new VolumeReader(set, 1 << 18, w -> { })) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining(cut).hasMessageContaining("volume 2");
        }
    }

    private RemoteTape open(String device, int flags) throws IOException {
        return RemoteTape.open(server.connector(), device, flags, RmtDialect.DEFAULT);
    }
}
