package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.server.tape.s3.S3ProxyServer;

/**
 * GNU tar and GNU mt through rmt411 server processes whose library is {@code s3://} on a real S3
 * service (S3Proxy on loopback, started here): archives written and read back, a server killed
 * with SIGKILL in the middle of a write, two servers (two roots, as on two machines) contending
 * for one cartridge, an S3 cartridge exported to a plain .tap that mtdump reads, and the one
 * line a server without credentials says.
 */
class S3TapeClientsIT {
    @TempDir
    Path dir;
    private S3ProxyServer s3;
    private String s3Options;

    @BeforeEach
    void startS3() throws Exception {
        s3 = new S3ProxyServer(Files.createDirectories(dir.resolve("blobs")));
        s3Options = "--library s3://" + S3ProxyServer.BUCKET + "/site/ --s3-endpoint " + s3.endpoint()
                + " --s3-region us-east-1 --s3-path-style";
    }

    @AfterEach
    void stopS3() throws Exception {
        s3.close();
    }

    private ClientHarness harness(String name) throws IOException {
        ClientHarness h = new ClientHarness(Files.createDirectories(dir.resolve(name)), s3Options);
        h.env.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        h.env.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        h.env.put("AWS_EC2_METADATA_DISABLED", "true");
        return h;
    }

    private Path files(String... names) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String name : names) {
            Files.writeString(data.resolve(name), ("content of " + name + "\n").repeat(5000));
        }
        return data;
    }

    private ClientHarness.Run operator(ClientHarness h, String... args) throws Exception {
        List<String> c = new ArrayList<>(List.of("java", "-jar", ClientHarness.jar()));
        c.addAll(List.of(args));
        c.add("--root=" + h.root);
        c.addAll(List.of(s3Options.split(" ")));
        return h.run(c, new byte[0]);
    }

    @Test
    void tarWritesAndReadsBackArchivesOnAnS3Cartridge() throws Exception {
        ClientHarness h = harness("a");
        Path data = files("a", "b", "c");
        h.tar("-C", data.toString(), "-cf", "localhost:/dev/nst0", "a");
        h.tar("-C", data.toString(), "-cf", "localhost:/dev/nst0", "b", "c");
        h.mt("/dev/nst0", "rewind");
        h.mt("/dev/nst0", "fsf", "1");
        assertThat(h.tar("-tf", "localhost:/dev/nst0")).isEqualTo("b\nc\n");
        h.mt("/dev/nst0", "rewind");
        Path out = Files.createDirectories(dir.resolve("out"));
        h.tar("-C", out.toString(), "-xf", "localhost:/dev/nst0");
        assertThat(Files.readString(out.resolve("a"))).isEqualTo(Files.readString(data.resolve("a")));

        ClientHarness.Run list = operator(h, "cartridge", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("VT0001");
        Path tap = dir.resolve("VT0001.tap");
        ClientHarness.Run export = operator(h, "cartridge", "export", "VT0001", tap.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        List<String> objects = h.mtdump(tap);
        assertThat(objects).startsWith("R10240").contains("M");
        assertThat(objects.stream().filter("M"::equals).count()).isEqualTo(2);

        ClientHarness.Run intoS3 = operator(h, "cartridge", "import", tap.toString(), "COPY1");
        assertThat(intoS3.exit()).as(intoS3.err()).isZero();
        assertThat(intoS3.out()).contains("2 files");
        ClientHarness.Run intoFiles = h.run(List.of("java", "-jar", ClientHarness.jar(), "cartridge", "import",
                tap.toString(), "COPY2", "--root=" + h.root), new byte[0]);
        assertThat(intoFiles.exit()).as(intoFiles.err()).isZero();
        assertThat(Files.readAllBytes(h.root.resolve("library/COPY2.tap"))).isEqualTo(Files.readAllBytes(tap));
        Path again = dir.resolve("COPY1.tap");
        assertThat(operator(h, "cartridge", "export", "COPY1", again.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(again)).as("S3 -> .tap -> S3 -> .tap").isEqualTo(Files.readAllBytes(tap));
    }

    /** One rmt session on a server process of {@code h}, spoken to directly. */
    private static final class Session implements AutoCloseable {
        final Process process;
        private final OutputStream in;
        private final InputStream out;

        Session(ClientHarness h) throws IOException {
            process = h.server();
            in = process.getOutputStream();
            out = process.getInputStream();
        }

        String call(String request, byte[] payload) throws IOException {
            in.write(request.getBytes(StandardCharsets.ISO_8859_1));
            in.write(payload);
            in.flush();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = out.read()) >= 0 && c != '\n') {
                line.write(c);
            }
            String reply = line.toString(StandardCharsets.ISO_8859_1);
            if (reply.startsWith("E")) { // the error's text follows on its own line
                while ((c = out.read()) >= 0 && c != '\n') {
                    line.write(c);
                }
            }
            return reply;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no close, no sync
            process.waitFor(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                in.close();
                process.waitFor(30, TimeUnit.SECONDS);
                kill();
            }
        }
    }

    @Test
    void aServerKilledMidWriteLeavesEveryRecordBeforeTheLastFilemark() throws Exception {
        ClientHarness h = harness("a");
        byte[] record = new byte[10240];
        try (Session s = new Session(h)) {
            assertThat(s.call("O/dev/nst0\n1\n", new byte[0])).isEqualTo("A0");
            for (int i = 0; i < 3; i++) {
                java.util.Arrays.fill(record, (byte) i);
                assertThat(s.call("W10240\n", record)).isEqualTo("A10240");
            }
            assertThat(s.call("I5\n1\n", new byte[0])).startsWith("A"); // MTWEOF (Linux 5): a sync point
            for (int i = 0; i < 200; i++) { // 2 MB more, never synced
                assertThat(s.call("W10240\n", record)).isEqualTo("A10240");
            }
            s.kill();
        }
        Path tap = dir.resolve("crash.tap");
        ClientHarness.Run export = operator(h, "cartridge", "export", "VT0001", tap.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        List<String> objects = h.mtdump(tap);
        assertThat(objects).startsWith("R10240", "R10240", "R10240", "M");
    }

    @Test
    void aSecondServerGetsEbusyForACartridgeLoadedByAnother() throws Exception {
        ClientHarness first = harness("first");
        ClientHarness second = harness("second");
        try (Session holder = new Session(first)) {
            assertThat(holder.call("O/dev/nst0\n2\n", new byte[0])).isEqualTo("A0");
            try (Session other = new Session(second)) {
                assertThat(other.call("O/dev/nst0\n0\n", new byte[0])).isEqualTo("E16");
            }
            assertThat(holder.call("C\n", new byte[0])).isEqualTo("A0");
        }
        try (Session other = new Session(second)) {
            assertThat(other.call("O/dev/nst0\n0\n", new byte[0])).as("released at close").isEqualTo("A0");
        }
    }

    @Test
    void missingCredentialsAreOneClearLine() throws Exception {
        ClientHarness h = new ClientHarness(Files.createDirectories(dir.resolve("nocreds")), s3Options);
        h.env.put("AWS_EC2_METADATA_DISABLED", "true");
        h.env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
        h.env.put("AWS_CONFIG_FILE", dir.resolve("none").toString());
        ClientHarness.Run list = operator(h, "cartridge", "list");
        assertThat(list.exit()).isNotZero();
        assertThat(list.err().strip()).doesNotContain("\n").contains("no AWS credentials");
    }
}
