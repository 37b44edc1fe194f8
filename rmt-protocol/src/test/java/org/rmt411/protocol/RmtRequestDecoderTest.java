package org.rmt411.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden request bytes for every command and dialect form, fed whole and 1–7 bytes per read. */
class RmtRequestDecoderTest {

    static Stream<Feeding> feedings() {
        return Stream.of(new Feeding("whole", false), new Feeding("trickle", true));
    }

    record Feeding(String name, boolean trickle) {
        InputStream of(String wire) {
            byte[] bytes = wire.getBytes(ISO_8859_1);
            return trickle ? new TrickleInputStream(bytes, wire.hashCode()) : new ByteArrayInputStream(bytes);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static List<RmtRequest> decodeAll(Feeding feeding, String wire) throws IOException {
        RmtRequestDecoder decoder = new RmtRequestDecoder(feeding.of(wire), 1 << 20);
        List<RmtRequest> out = new ArrayList<>();
        RmtRequest r;
        while ((r = decoder.next()) != null) {
            out.add(r);
            if (r instanceof RmtRequest.Write) {
                byte[] payload = new byte[(int) ((RmtRequest.Write) r).count()];
                assertThat(decoder.readPayload(payload, 0, payload.length)).isEqualTo(payload.length);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void openInEveryFlagsForm(Feeding f) throws IOException {
        assertThat(decodeAll(f, "O/tmp/a.tar\n577 O_WRONLY|O_CREAT|O_TRUNC\nOx\n0\nOy\n64|512\nOdev with space\nCREAT|RDWR\n"))
                .containsExactly(
                        new RmtRequest.Open("/tmp/a.tar", "577 O_WRONLY|O_CREAT|O_TRUNC"),
                        new RmtRequest.Open("x", "0"),
                        new RmtRequest.Open("y", "64|512"),
                        new RmtRequest.Open("dev with space", "CREAT|RDWR"));
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void closeWithAndWithoutArgument(Feeding f) throws IOException {
        assertThat(decodeAll(f, "C\nC/tmp/a.tar\n"))
                .containsExactly(new RmtRequest.Close(""), new RmtRequest.Close("/tmp/a.tar"));
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void seekKeepsBothLinesAsSent(Feeding f) throws IOException {
        assertThat(decodeAll(f, "L20480\n1\nLSEEK_SET\n5\nL-4\n2\n"))
                .containsExactly(new RmtRequest.Seek("20480", "1"), new RmtRequest.Seek("SEEK_SET", "5"),
                        new RmtRequest.Seek("-4", "2"));
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void readAndWriteWithBinaryPayload(Feeding f) throws IOException {
        RmtRequestDecoder decoder = new RmtRequestDecoder(f.of("W4\n\0\n\377AR10240\n"));
        assertThat(decoder.next()).isEqualTo(new RmtRequest.Write(4));
        byte[] payload = new byte[4];
        assertThat(decoder.readPayload(payload, 0, 4)).isEqualTo(4);
        assertThat(payload).containsExactly(0, '\n', 0xff, 'A');
        assertThat(decoder.next()).isEqualTo(new RmtRequest.Read(10240));
        assertThat(decoder.next()).isNull();
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void ioctlHandshakeAndExtended(Feeding f) throws IOException {
        assertThat(decodeAll(f, "I6\n1\nI-1\n0\ni4\n1\n"))
                .containsExactly(new RmtRequest.Ioctl(6, 1), new RmtRequest.Ioctl(-1, 0),
                        new RmtRequest.ExtendedIoctl(4, 1));
        assertThat(new RmtRequest.Ioctl(-1, 0).isVersionHandshake()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void statusWithAndWithoutNewline(Feeding f) throws IOException {
        // bare S (BSD, dump, GNU mt before 2024), S⏎ (GNU since 2024), s<c> (RMT V1), each
        // followed by a command that must still be read correctly.
        assertThat(decodeAll(f, "SR1\nS\nR2\nsTsF\nC\n"))
                .containsExactly(new RmtRequest.Status(), new RmtRequest.Read(1), new RmtRequest.Status(),
                        new RmtRequest.Read(2), new RmtRequest.StatusField('T'), new RmtRequest.StatusField('F'),
                        new RmtRequest.Close(""));
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void versionProbes(Feeding f) throws IOException {
        assertThat(decodeAll(f, "v0\nV0\n"))
                .containsExactly(new RmtRequest.Version('v', "0"), new RmtRequest.Version('V', "0"));
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void unknownLetterAndStrayNewlineAreFatalGarbage(Feeding f) throws IOException {
        RmtRequest.Rejected garbage = new RmtRequest.Rejected(Errno.EINVAL, "Garbage command", true);
        assertThat(decodeAll(f, "X\n")).first().isEqualTo(garbage);
        assertThat(decodeAll(f, "\n")).first().isEqualTo(garbage);
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void overlongDeviceNameIsE36AndTheStreamStaysInStep(Feeding f) throws IOException {
        String name = "/" + "n".repeat(RmtRequestDecoder.MAX_DEVICE_NAME);
        assertThat(decodeAll(f, "O" + name + "\n0\nR5\n")).containsExactly(
                new RmtRequest.Rejected(Errno.ENAMETOOLONG, "File name too long", false),
                new RmtRequest.Read(5));
        String maxName = "n".repeat(RmtRequestDecoder.MAX_DEVICE_NAME);
        assertThat(decodeAll(f, "O" + maxName + "\n0\n")).containsExactly(new RmtRequest.Open(maxName, "0"));
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void overlongNumericLineIsE22AndTheStreamStaysInStep(Feeding f) throws IOException {
        String digits = "1".repeat(RmtRequestDecoder.MAX_NUMBER_LINE + 1);
        assertThat(decodeAll(f, "R" + digits + "\nR7\n")).containsExactly(
                new RmtRequest.Rejected(Errno.EINVAL, "Invalid byte count", false), new RmtRequest.Read(7));
        assertThat(decodeAll(f, "I" + digits + "\n1\nR7\n")).containsExactly(
                new RmtRequest.Rejected(Errno.EINVAL, "Invalid operation code", false), new RmtRequest.Read(7));
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void countsAreCheckedBeforeAnythingIsAllocated(Feeding f) throws IOException {
        assertThat(decodeAll(f, "R1099511627776\nRabc\nR-1\nR\n")).containsExactly(
                new RmtRequest.Rejected(Errno.EINVAL, "Byte count out of range", false),
                new RmtRequest.Rejected(Errno.EINVAL, "Invalid byte count", false),
                new RmtRequest.Rejected(Errno.EINVAL, "Byte count out of range", false),
                new RmtRequest.Rejected(Errno.EINVAL, "Invalid byte count", false));
        // A refused W is fatal: its payload cannot be skipped safely.
        assertThat(decodeAll(f, "W1099511627776\nxxxx")).first()
                .isEqualTo(new RmtRequest.Rejected(Errno.EINVAL, "Byte count out of range", true));
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void endOfInputInsideARequestIsEof(Feeding f) {
        for (String cut : List.of("O/tmp/x\n", "L0\n", "I6\n", "R10", "s")) {
            RmtRequestDecoder decoder = new RmtRequestDecoder(f.of(cut));
            assertThatThrownBy(decoder::next).as(cut).isInstanceOf(EOFException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void shortPayloadReportsWhatArrived(Feeding f) throws IOException {
        RmtRequestDecoder decoder = new RmtRequestDecoder(f.of("W10\nhello"));
        assertThat(decoder.next()).isEqualTo(new RmtRequest.Write(10));
        assertThat(decoder.readPayload(new byte[10], 0, 10)).isEqualTo(5);
    }

    @ParameterizedTest
    @MethodSource("feedings")
    void numbersMayCarryBlanksAndSigns(Feeding f) throws IOException {
        assertThat(decodeAll(f, "R 512 \nI+6\n-1\n")).containsExactly(
                new RmtRequest.Read(512), new RmtRequest.Ioctl(6, -1));
    }
}
