package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.RmtRequestDecoder;
import org.rmt411.server.device.Device;
import org.rmt411.server.device.DeviceNamespace;
import org.rmt411.server.session.RmtSession;
import org.rmt411.server.session.SessionOptions;

/**
 * W payloads stream into the image in chunks: records larger than the session's read buffer are
 * written whole, and a payload cut short by end of input leaves no partial record and the
 * position where it was.
 */
class StreamedWriteTest {
    /** Larger than the decoder's read buffer, odd so the pad byte is exercised too. */
    private static final int BIG = 3 * RmtRequestDecoder.VIEW_BUFFER + 7;

    @RegisterExtension
    final TapeFixture tapes = new TapeFixture();

    private String converse(byte[] requests) {
        DeviceNamespace namespace = new DeviceNamespace(List.of(tapes.provider), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RmtSession(Channels.newChannel(new ByteArrayInputStream(requests)), Channels.newChannel(out),
                namespace, SessionOptions.defaults(), new org.rmt411.server.session.Peer("test", "test")).run();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(String head, byte[] payload, String tail) {
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] t = tail.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(h, h.length + payload.length + t.length);
        System.arraycopy(payload, 0, all, h.length, payload.length);
        System.arraycopy(t, 0, all, h.length + payload.length, t.length);
        return all;
    }

    @Test
    void aRecordLargerThanTheReadBufferIsOneWholeRecord() throws IOException {
        byte[] record = TapeFixture.record(BIG, 5);
        assertThat(converse(concat("O/dev/nst0\n2\nW" + BIG + "\n", record, "C\n")))
                .isEqualTo("A0\nA" + BIG + "\nA0\n");
        try (Device d = tapes.open("/dev/nst0", TapeFixture.RDONLY)) {
            d.ioctl(org.rmt411.protocol.MtOp.MTREW, 1);
            assertThat(TapeFixture.read(d, BIG)).isEqualTo(record);
        }
        assertThat(Files.size(tapes.image("VT0001"))).as("record + mark").isEqualTo(4 + BIG + 1 + 4 + 4);
    }

    @Test
    void aPayloadCutShortLeavesTheTapeAndThePositionAsTheyWere() throws IOException {
        byte[] first = TapeFixture.record(100, 1);
        assertThat(converse(concat("O/dev/nst0\n2\nW100\n", first, "C\n"))).isEqualTo("A0\nA100\nA0\n");
        byte[] before = Files.readAllBytes(tapes.image("VT0001"));
        MtStatus statusBefore = status();

        byte[] partial = Arrays.copyOf(TapeFixture.record(BIG, 2), BIG - 1);
        assertThat(converse(concat("O/dev/nst0\n2\nW" + BIG + "\n", partial, "")))
                .isEqualTo("A0\nE5\nPremature eof\n");

        assertThat(Files.readAllBytes(tapes.image("VT0001"))).isEqualTo(before);
        MtStatus statusAfter = status();
        assertThat(statusAfter.fileno()).isEqualTo(statusBefore.fileno());
        assertThat(statusAfter.blkno()).isEqualTo(statusBefore.blkno());
    }

    @Test
    void aFixedBlockWriteCutShortTakesBackEveryBlockOfThatW() throws IOException {
        int block = 64 * 1024;
        int blocks = 9; // spans several read-buffer chunks, block edges inside chunks
        byte[] partial = Arrays.copyOf(TapeFixture.record(block * blocks, 3), block * blocks - block / 2);
        String setBlock = "I" + org.rmt411.protocol.MtOp.MTSETBLK + "\n" + block + "\n";
        assertThat(converse(concat("O/dev/nst0\n2\n" + setBlock + "W" + block + "\n",
                TapeFixture.record(block, 9), "C\n"))).isEqualTo("A0\nA" + block + "\nA" + block + "\nA0\n");
        long sizeBefore = Files.size(tapes.image("VT0001"));
        assertThat(converse(concat("O/dev/nst0\n2\n" + setBlock + "W" + (block * blocks) + "\n", partial, "")))
                .isEqualTo("A0\nA" + block + "\nE5\nPremature eof\n");
        assertThat(Files.size(tapes.image("VT0001"))).isEqualTo(sizeBefore);
    }

    @Test
    void aRefusedWriteStillSkipsItsPayload() throws IOException {
        byte[] record = TapeFixture.record(BIG, 4);
        // Opened read-only: st answers EACCES, and the next request after the payload is found.
        assertThat(converse(concat("O/dev/nst0\n0\nW" + BIG + "\n", record, "I8\n1\nC\n")))
                .isEqualTo("A0\nE13\nPermission denied\nA1\nA0\n"); // I8 = MTNOP
    }

    private MtStatus status() throws IOException {
        try (Device d = tapes.open("/dev/nst0", TapeFixture.RDONLY)) {
            return d.status();
        }
    }
}
