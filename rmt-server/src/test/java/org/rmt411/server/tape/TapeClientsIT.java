package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.protocol.MtStatus;

/**
 * Stock GNU mt and GNU tar on the virtual drives, every connection a new server process (as with
 * rsh or ssh), checked by decoding the raw {@code S} struct and by SIMH's own {@code mtdump}.
 */
class TapeClientsIT {
    @TempDir
    Path dir;

    private static void assertAt(MtStatus s, int fileno, int blkno) {
        assertThat(s.fileno()).as("fileno").isEqualTo(fileno);
        assertThat(s.blkno()).as("blkno").isEqualTo(blkno);
    }

    private Path files(ClientHarness h, String... names) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String name : names) {
            Files.writeString(data.resolve(name), "content of " + name + "\n");
        }
        return data;
    }

    @Test
    void gnuMtPositionsBetweenThreeTarArchivesOnNst0() throws Exception {
        ClientHarness h = new ClientHarness(dir, "");
        Path data = files(h, "a", "b", "c", "d");
        for (String name : List.of("a", "b", "c")) {
            h.tar("-C", data.toString(), "-cf", "localhost:/dev/nst0", name);
        }
        assertAt(h.status("/dev/nst0"), 3, 0);
        h.mt("/dev/nst0", "rewind");
        MtStatus bot = h.status("/dev/nst0");
        assertAt(bot, 0, 0);
        assertThat(bot.has(MtStatus.GMT_BOT)).isTrue();
        h.mt("/dev/nst0", "fsf", "2");
        assertAt(h.status("/dev/nst0"), 2, 0);
        assertThat(h.tar("-tf", "localhost:/dev/nst0")).isEqualTo("c\n");
        h.mt("/dev/nst0", "rewind");
        h.mt("/dev/nst0", "fsr", "1");
        assertAt(h.status("/dev/nst0"), 0, 1);
        h.mt("/dev/nst0", "bsr", "1");
        assertAt(h.status("/dev/nst0"), 0, 0);
        h.mt("/dev/nst0", "fsf", "2");
        h.mt("/dev/nst0", "bsf", "1");
        assertAt(h.status("/dev/nst0"), 1, -1);
        h.mt("/dev/nst0", "eom");
        MtStatus end = h.status("/dev/nst0");
        assertAt(end, 3, -1); // st.c st_int_ioctl MTEOM: block -1 at end of data
        assertThat(end.has(MtStatus.GMT_EOD)).isTrue();
        h.tar("-C", data.toString(), "-cf", "localhost:/dev/nst0", "d");
        h.mt("/dev/nst0", "weof");
        assertAt(h.status("/dev/nst0"), 5, 0);
        h.mt("/dev/nst0", "rewind");
        h.mt("/dev/nst0", "fsf", "3");
        assertThat(h.tar("-tf", "localhost:/dev/nst0")).isEqualTo("d\n");
        assertThat(h.mtdump(h.root.resolve("library/VT0001.tap")))
                .containsExactly("R10240", "M", "R10240", "M", "R10240", "M", "R10240", "M", "M");
        h.mt("/dev/nst0", "offline");
        MtStatus next = h.status("/dev/nst0");
        assertAt(next, 0, 0);
        // st.c check_tape: a new tape session is file 0, block 0, ST_NOEOF: BOT, not EOD.
        assertThat(next.has(MtStatus.GMT_BOT)).as("a fresh load").isTrue();
        assertThat(next.has(MtStatus.GMT_EOD)).as("a fresh load").isFalse();
        assertThat(h.operator("drives")).contains("/dev/nst0  VT0002");
    }

    @Test
    void aDriveOpenInOneServerProcessIsBusyForAnother() throws Exception {
        ClientHarness h = new ClientHarness(dir, "");
        Process holder = h.server();
        try {
            holder.getOutputStream().write("O/dev/nst0\n0 O_RDONLY\n".getBytes(StandardCharsets.US_ASCII));
            holder.getOutputStream().flush();
            byte[] reply = holder.getInputStream().readNBytes(3);
            assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("A0\n");
            ClientHarness.Run busy = h.run(List.of("mt-gnu", "--rsh-command=" + h.rsh, "-f", "localhost:/dev/nst0",
                    "rewind"), new byte[0]);
            assertThat(busy.exit()).isNotZero();
            assertThat(busy.err()).contains("Device or resource busy");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
            holder.destroyForcibly();
        }
        h.mt("/dev/nst0", "rewind");
    }

    @Test
    void st0RewindsOnClose() throws Exception {
        ClientHarness h = new ClientHarness(dir, "");
        Path data = files(h, "a", "b");
        h.tar("-C", data.toString(), "-cf", "localhost:/dev/st0", "a");
        assertAt(h.status("/dev/nst0"), 0, 0);
        h.tar("-C", data.toString(), "-cf", "localhost:/dev/st0", "b");
        assertThat(h.tar("-tf", "localhost:/dev/st0")).isEqualTo("b\n");
        assertAt(h.status("/dev/nst0"), 0, 0);
        assertThat(h.mtdump(h.root.resolve("library/VT0001.tap"))).containsExactly("R10240", "M");
    }

    @Test
    void tarMultiVolumeSpansCartridgesAndRestoresCompletely() throws Exception {
        ClientHarness h = new ClientHarness(dir, "--capacity 1M --early-warning 64K");
        Path data = Files.createDirectories(dir.resolve("data"));
        byte[] noise = new byte[2_500_000];
        new Random(411).nextBytes(noise);
        Files.write(data.resolve("noise"), noise);
        Files.writeString(data.resolve("text"), String.join("\n", Collections.nCopies(20000, "rmt411")));
        Path script = dir.resolve("new-volume.sh");
        Files.writeString(script, "#!/bin/sh\nexec mt-gnu --rsh-command=" + h.rsh + " -f localhost:/dev/nst0 offline\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        h.tar("-M", "--new-volume-script=" + script, "-C", data.toString(), "-cf", "localhost:/dev/nst0",
                "noise", "text");
        List<String> cartridges = h.operator("cartridge", "list").lines().skip(1).map(l -> l.split(" +")[0]).toList();
        assertThat(cartridges).containsExactly("VT0001", "VT0002", "VT0003");
        for (String barcode : cartridges) {
            List<String> objects = h.mtdump(h.root.resolve("library/" + barcode + ".tap"));
            assertThat(objects.get(objects.size() - 1)).isEqualTo("M");
            assertThat(objects.subList(0, objects.size() - 1)).containsOnly("R10240");
        }
        h.operator("drives", "load", "0", "VT0001");
        Path out = Files.createDirectories(dir.resolve("out"));
        h.tar("-M", "--new-volume-script=" + script, "-C", out.toString(), "-xf", "localhost:/dev/nst0");
        assertThat(Files.readAllBytes(out.resolve("noise"))).isEqualTo(noise);
        assertThat(Files.readString(out.resolve("text"))).isEqualTo(Files.readString(data.resolve("text")));
        assertThat(new ArrayList<>(List.of(h.operator("drives").trim()))).containsExactly("/dev/nst0  VT0003");
    }
}
