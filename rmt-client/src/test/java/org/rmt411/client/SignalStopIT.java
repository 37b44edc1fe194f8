package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.OpenFlags;

/**
 * The packaged client, backing up a big tree to rmt411's tape /dev/nst0, gets SIGINT or SIGTERM
 * half way: it must exit 130 or 143, say where the partial archive ends, and leave whole
 * records followed by a filemark, which GNU tar reads up to its unexpected end.
 */
class SignalStopIT {
    private static final Pattern WHERE = Pattern.compile(
            "(\\d+) records of 10240 bytes \\((\\d+) bytes\\), the last member written whole is '([^']+)'");

    @TempDir
    Path work;
    private Path tapes;
    private InProcessServer server;
    private Path jar;
    private Process client;

    @BeforeEach
    void start() throws Exception {
        String property = System.getProperty("rmt411.clientJar");
        assumeTrue(property != null && Files.exists(Path.of(property)), "the packaged rmt-client.jar");
        jar = Path.of(property);
        tapes = Files.createDirectories(work.resolve("tapes"));
        server = InProcessServer.serve(tapes);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null && client.isAlive()) {
            client.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalClosesTheTapeAndSaysWhereTheArchiveEnds(String signal, int exit) throws Exception {
        Path big = Files.createDirectories(work.resolve("big"));
        for (int i = 0; i < 64; i++) {
            try (RandomAccessFile f = new RandomAccessFile(big.resolve(String.format("f%02d", i)).toFile(), "rw")) {
                f.setLength(16L << 20); // sparse: costs no disk to make, 1 GiB in all to archive
            }
        }
        Path stderr = work.resolve("stderr");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        client = new ProcessBuilder(java, "-jar", jar.toString(), "backup", "-f", "127.0.0.1:/dev/nst0",
                "--port", String.valueOf(server.port()), "-q", "-b", "20", big.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
        awaitTapeBytes(40L << 20);
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(client.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(client.waitFor(60, TimeUnit.SECONDS)).as("client ends after SIG" + signal).isTrue();
        String said = Files.readString(stderr);
        assertThat(client.exitValue()).as(said).isEqualTo(exit);
        assertThat(said).contains("rmt-client: interrupted: 127.0.0.1:/dev/nst0 holds a partial archive");
        Matcher where = WHERE.matcher(said);
        assertThat(where.find()).as(said).isTrue();
        long records = Long.parseLong(where.group(1));
        assertThat(Long.parseLong(where.group(2))).isEqualTo(records * 10240);
        assertThat(records).isBetween(1L, 64L * 1640);

        assertThat(recordsBeforeFilemark()).isEqualTo(records);
        String listing = gnuTarList();
        assertThat(listing).contains(where.group(3)).contains("Unexpected EOF in archive");
    }

    /** Waits until the drive's cartridge image holds at least {@code bytes}. */
    private void awaitTapeBytes(long bytes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(client.isAlive()).as("backup still running (the tree is too small?)").isTrue();
            if (imageBytes() >= bytes) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the backup wrote under " + bytes + " bytes in 60 s");
    }

    private long imageBytes() throws IOException {
        Path library = tapes.resolve("library");
        if (!Files.isDirectory(library)) {
            return 0;
        }
        try (Stream<Path> images = Files.list(library)) {
            long sum = 0;
            for (Path image : (Iterable<Path>) images::iterator) {
                if (!image.getFileName().toString().endsWith(".tap")) {
                    continue; // sidecars and their .tmp files come and go while the server writes
                }
                try {
                    sum += Files.size(image);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // replaced between the listing and the look: counted on the next round
                }
            }
            return sum;
        }
    }

    /** Rewinds and counts the records of tape file 0, each a whole 10240 bytes, up to its filemark. */
    private long recordsBeforeFilemark() throws IOException {
        try (RemoteTape tape = RemoteTape.open(server.connector(), "/dev/nst0", OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
            tape.ioctl(MtOp.MTREW, 1);
            byte[] record = new byte[64 * 1024];
            long count = 0;
            int n;
            while ((n = tape.read(record, 0, record.length)) > 0) {
                assertThat(n).as("record " + count).isEqualTo(10240);
                count++;
            }
            assertThat(tape.status().fileno()).as("after a filemark").isEqualTo(1);
            tape.ioctl(MtOp.MTREW, 1);
            return count;
        }
    }

    /** GNU tar's listing of the partial archive through the client's bridge, stderr included. */
    private String gnuTarList() throws Exception {
        Path bridge = Scripts.bridge(work, jar, server.port());
        Process tar = new ProcessBuilder(List.of("tar", "--rsh-command=" + bridge, "-tf", "127.0.0.1:/dev/nst0"))
                .redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes());
        if (!tar.waitFor(120, TimeUnit.SECONDS)) {
            tar.destroyForcibly();
            throw new AssertionError("tar hung: " + out);
        }
        return out;
    }
}
