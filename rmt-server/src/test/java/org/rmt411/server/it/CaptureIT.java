package org.rmt411.server.it;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --capture} end to end: real clients against the server jar, over TCP and over stdio,
 * all recorded into one pcapng file, which Debian's tshark then reads with the repository's
 * dissector. The decoded fields are checked against what the sessions did.
 */
class CaptureIT {
    private static final Pattern WRITTEN = Pattern.compile("opened=/dev/nst0:w .* written=(\\d+)B/(\\d+)rec");
    private static final int SPLIT = 300_000;

    @TempDir
    static Path work;
    static Path pcap;
    static ServerProcess server;
    static Path rsh;
    static Tshark tshark;

    @BeforeAll
    static void record() throws Exception {
        Path root = Files.createDirectories(work.resolve("root"));
        Path src = Files.createDirectories(work.resolve("src"));
        byte[] data = new byte[150_000];
        new Random(12).nextBytes(data);
        Files.write(src.resolve("random.bin"), data);
        Files.writeString(src.resolve("notes.txt"), "rmt on the wire\n");
        rsh = Cmd.fakeRsh(work);
        pcap = work.resolve("sessions.pcapng");
        server = ServerProcess.tcp(root, "--capture", pcap.toString());
        Map<String, String> bridge = Map.of("RMT411_BRIDGE_PORT", String.valueOf(server.port()));

        // A multi-record archive on the first drive, then GNU mt: rewind, status, fsf, status.
        Cmd.run(work, bridge, "tar", "--rsh-command=" + rsh, "-b", "20", "-cf", "localhost:/dev/nst0", "src").ok();
        Cmd.run(work, bridge, "mt-gnu", "--rsh-command=" + rsh, "-f", "localhost:/dev/nst0", "rewind").ok();
        // GNU mt from cpio 2.13 takes at most 8 status bytes and fails; the capture has the 48.
        Cmd.run(work, bridge, "mt-gnu", "--rsh-command=" + rsh, "-f", "localhost:/dev/nst0", "status");
        Cmd.run(work, bridge, "mt-gnu", "--rsh-command=" + rsh, "-f", "localhost:/dev/nst0", "fsf", "1").ok();
        Cmd.run(work, bridge, "mt-gnu", "--rsh-command=" + rsh, "-f", "localhost:/dev/nst0", "status");
        assertThat(Cmd.run(work, bridge, "tar", "--rsh-command=" + rsh, "-tf", "localhost:/missing.tar").exit())
                .isNotZero();
        splitPayload();
        everyCommand();

        // A stdio session, as over ssh: its own server process appends a section to the same file.
        String stdio = ServerProcess.shellCommand("--stdio", "--root", root.toString(), "--capture", pcap.toString());
        Cmd.run(work, Map.of(), "tar", "--rsh-command=" + rsh, "--rmt-command=" + stdio, "-cf",
                "localhost:/stdio.tar", "src").ok();
        tshark = new Tshark(pcap, server.port());
    }

    /** A W and an R of 300000 bytes, sent and answered in pieces: many TCP segments each. */
    private static void splitPayload() throws Exception {
        byte[] payload = new byte[SPLIT];
        new Random(3).nextBytes(payload);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("O/split.bin\n578 O_RDWR|O_CREAT|O_TRUNC\n".getBytes(ISO_8859_1));
            assertThat(new String(in.readNBytes(3), ISO_8859_1)).isEqualTo("A0\n");
            out.write(("W" + SPLIT + "\n").getBytes(ISO_8859_1));
            for (int off = 0; off < SPLIT; off += 6000) {
                out.write(payload, off, Math.min(6000, SPLIT - off));
                out.flush();
                Thread.sleep(2); // the server reads each piece on its own: one segment each
            }
            assertThat(new String(in.readNBytes(8), ISO_8859_1)).isEqualTo("A" + SPLIT + "\n");
            out.write(("L0\n0\nR" + SPLIT + "\n").getBytes(ISO_8859_1));
            assertThat(new String(in.readNBytes(11), ISO_8859_1)).isEqualTo("A0\nA" + SPLIT + "\n");
            assertThat(in.readNBytes(SPLIT)).isEqualTo(payload);
        }
    }

    /** One of each request star, dump and GNU clients send, each answered before the next. */
    private static void everyCommand() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setTcpNoDelay(true);
            for (String request : new String[] {"O/dev/nst0\n2\n", "I-1\n0\n", "I5\n1\n", "i4\n1\n", "sF", "sf",
                "S\n", "L0\n1\n", "LSEEK_CUR\n0\n", "L1\n2\n", "v0\n", "V0\n", "C\n", "R10\n"}) {
                s.getOutputStream().write(request.getBytes(ISO_8859_1));
                String reply = line(s.getInputStream());
                if (reply.startsWith("E")) {
                    line(s.getInputStream());
                } else if (request.startsWith("S")) {
                    assertThat(s.getInputStream().readNBytes(48)).hasSize(48);
                }
            }
        }
    }

    private static String line(InputStream in) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            assertThat(c).as("reply cut short after " + sb).isNotNegative();
            sb.append((char) c);
        }
        return sb.toString();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyWriteOfTheTarSessionIsDecodedWithItsCount() throws Exception {
        Matcher audit = WRITTEN.matcher(server.stderr());
        assertThat(audit.find()).as(server.stderr()).isTrue();
        long bytes = Long.parseLong(audit.group(1));
        int records = Integer.parseInt(audit.group(2));
        assertThat(records).as("a multi-record archive").isGreaterThan(2);

        List<Map<String, String>> writes = tshark.rows("rmt.command == \"W\" && tcp.dstport == " + server.port()
                + " && !(rmt.count == " + SPLIT + ")", "rmt.count", "rmt.payload.length");
        assertThat(writes).hasSize(records).allSatisfy(w -> {
            assertThat(w.get("rmt.count")).isEqualTo("10240");
            assertThat(w.get("rmt.payload.length")).isEqualTo("10240");
        });
        assertThat(10240L * writes.size()).isEqualTo(bytes);
        List<Map<String, String>> acks = tshark.rows("rmt.reply.to == \"W 10240\" && tcp.srcport == " + server.port(),
                "rmt.value");
        assertThat(acks).hasSize(records).allMatch(a -> a.get("rmt.value").equals("10240"));
        assertThat(tshark.rows("rmt.command == \"O\" && rmt.device == \"/dev/nst0\"", "rmt.flags",
                "rmt.flags.names")).first().satisfies(o -> {
                    assertThat(o.get("rmt.flags")).isEqualTo("65 O_WRONLY|O_CREAT");
                    assertThat(o.get("rmt.flags.names")).isEqualTo("O_WRONLY|O_CREAT");
                });
    }

    @Test
    void theStatusStructIsDecodedFieldByField() throws Exception {
        List<Map<String, String>> rewind = tshark.rows("rmt.command == \"I\" && rmt.op == 6", "rmt.op.linux");
        assertThat(rewind).extracting(r -> r.get("rmt.op.linux")).containsExactly("MTREW");
        List<Map<String, String>> status = tshark.rows("rmt.mtget.type", "rmt.value", "rmt.mtget.type",
                "rmt.mtget.resid", "rmt.mtget.blksize", "rmt.mtget.density", "rmt.mtget.fileno", "rmt.mtget.blkno",
                "rmt.mtget.gstat", "rmt.mtget.gstat.names", "rmt.mtget.gstat.bot", "rmt.mtget.gstat.eof",
                "rmt.mtget.erreg");
        assertThat(status).as("mt status twice, then everyCommand's").hasSize(3);
        Map<String, String> atStart = status.get(0);
        assertThat(atStart).containsEntry("rmt.value", "48").containsEntry("rmt.mtget.type", "0x0000000000000072")
                .containsEntry("rmt.mtget.resid", "0").containsEntry("rmt.mtget.blksize", "0")
                .containsEntry("rmt.mtget.fileno", "0").containsEntry("rmt.mtget.blkno", "0")
                .containsEntry("rmt.mtget.gstat", "0x0000000041010000").containsEntry("rmt.mtget.gstat.bot", "1")
                .containsEntry("rmt.mtget.erreg", "0")
                .containsEntry("rmt.mtget.gstat.names", "GMT_BOT GMT_ONLINE GMT_IM_REP_EN");
        Map<String, String> afterFsf = status.get(1);
        // st: right after spacing over a filemark, GMT_EOF is set and the block number is 0.
        assertThat(afterFsf).containsEntry("rmt.mtget.fileno", "1").containsEntry("rmt.mtget.blkno", "0")
                .containsEntry("rmt.mtget.gstat.bot", "0").containsEntry("rmt.mtget.gstat.eof", "1")
                .containsEntry("rmt.mtget.gstat.names", "GMT_EOF GMT_ONLINE GMT_IM_REP_EN");
    }

    @Test
    void everyKindOfRequestIsNamed() throws Exception {
        List<Map<String, String>> rows = tshark.rows("rmt && tcp.srcport != 411 && tcp.dstport != 411", "rmt.command",
                "rmt.flags.names", "rmt.op.applies", "rmt.op.v1", "rmt.status.field", "rmt.status.framing",
                "rmt.seek.order", "rmt.seek.whence", "rmt.version.arg", "rmt.reply.to", "rmt.value",
                "rmt.status.value", "rmt.errno.name");
        Map<String, String> byRequest = new java.util.LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            String request = row.get("rmt.reply.to").isEmpty() ? null : row.get("rmt.reply.to");
            if (request != null) {
                byRequest.put(request, row.get("rmt.value") + row.get("rmt.status.value") + row.get("rmt.errno.name"));
            }
        }
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("rmt.command", "O")
                .containsEntry("rmt.flags.names", "O_RDWR"));
        assertThat(rows).filteredOn(r -> r.get("rmt.command").equals("I")).extracting(r -> r.get("rmt.op.applies"))
                .contains("MTREW (after I-1)", "MTREW");
        assertThat(rows).anySatisfy(r -> assertThat(r).containsEntry("rmt.command", "i")
                .containsEntry("rmt.op.v1", "EOM"));
        assertThat(rows).filteredOn(r -> r.get("rmt.command").equals("S")).extracting(r -> r.get("rmt.status.framing"))
                .containsExactly("bare S (BSD, dump, GNU mt before 2024)", "bare S (BSD, dump, GNU mt before 2024)",
                        "S\\n (GNU clients since 2024)");
        assertThat(rows).filteredOn(r -> r.get("rmt.command").equals("L"))
                .extracting(r -> r.get("rmt.seek.order") + " " + r.get("rmt.seek.whence")).containsExactly(
                        "either order SEEK_CUR", "whence-first SEEK_CUR", "whence-first SEEK_CUR");
        assertThat(byRequest).containsEntry("I -1 0 (RMT V1 handshake)", "1")
                .containsEntry("v0", "1").containsEntry("V0", "2")
                .containsEntry("sF (mt_fileno)", "1mt_fileno = 1")
                .containsEntry("R 10", "EBADF");
        assertThat(byRequest.get("sf (mt_gstat (dump on Linux))")).contains("GMT_ONLINE");
    }

    @Test
    void errorRepliesCarryTheirErrnoNameAndText() throws Exception {
        List<Map<String, String>> errors = tshark.rows("rmt.errno", "rmt.reply", "rmt.errno", "rmt.errno.name",
                "rmt.error.text", "rmt.reply.to");
        assertThat(errors).anySatisfy(e -> assertThat(e).containsEntry("rmt.reply", "E")
                .containsEntry("rmt.errno", "2").containsEntry("rmt.errno.name", "ENOENT")
                .containsEntry("rmt.error.text", "No such file or directory")
                .containsEntry("rmt.reply.to", "O /missing.tar 0 O_RDONLY"));
    }

    @Test
    void aStdioSessionIsAConversationToPort411() throws Exception {
        List<Map<String, String>> stdio = tshark.rows("rmt && tcp.port == 411", "ip.src", "ip.dst",
                "rmt.command", "rmt.count", "rmt.reply");
        assertThat(stdio).isNotEmpty().allSatisfy(row -> assertThat(row.get("ip.src") + ">" + row.get("ip.dst"))
                .isIn("127.0.0.2>127.0.0.1", "127.0.0.1>127.0.0.2"));
        assertThat(stdio).filteredOn(r -> r.get("rmt.command").equals("W")).isNotEmpty()
                .allMatch(r -> r.get("rmt.count").equals("10240"));
        assertThat(stdio).filteredOn(r -> r.get("rmt.command").equals("O")).hasSize(1);
    }

    @Test
    void payloadsSplitAcrossManySegmentsAreReassembled() throws Exception {
        List<Map<String, String>> w = tshark.rows("rmt.count == " + SPLIT + " && rmt.command == \"W\"",
                "rmt.payload.length", "tcp.segment.count");
        assertThat(w).hasSize(1);
        assertThat(w.get(0).get("rmt.payload.length")).isEqualTo(String.valueOf(SPLIT));
        assertThat(Integer.parseInt(w.get(0).get("tcp.segment.count"))).isGreaterThan(10);
        List<Map<String, String>> r = tshark.rows("rmt.reply.to == \"R " + SPLIT + "\"", "rmt.value",
                "rmt.data.length", "tcp.segment.count");
        assertThat(r).hasSize(1);
        assertThat(r.get(0)).containsEntry("rmt.value", String.valueOf(SPLIT))
                .containsEntry("rmt.data.length", String.valueOf(SPLIT));
        assertThat(Integer.parseInt(r.get(0).get("tcp.segment.count"))).isGreaterThan(1);
    }

    @Test
    void tsharkReadsTheFileWithoutAWarningAndEveryChecksumHolds() throws Exception {
        Cmd.Result full = tshark.run("-V", "-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE");
        assertThat(full.stderr()).isEmpty();
        assertThat(full.stdout()).doesNotContain("Lua Error", "Malformed", "[Checksum Status: Bad]",
                "Dissector bug", "Not rmt", "Not an rmt", "Reply to no request").contains("[Checksum Status: Good]");
        // Two passes (as Wireshark's GUI revisits frames) decode every frame as one pass does.
        String[] fields = {"-T", "fields", "-e", "frame.number", "-e", "rmt.command", "-e", "rmt.reply.to",
            "-e", "rmt.data.length", "-e", "rmt.mtget.fileno"};
        assertThat(tshark.run(concat("-2", fields)).stdout()).isEqualTo(tshark.run(fields).stdout());
        String expert = tshark.run("-q", "-z", "expert,warn").stdout();
        assertThat(expert).doesNotContain("Warnings (", "Errors (");
    }

    @Test
    void anIndependentReaderFindsTwoWellFormedSections() throws Exception {
        String script = String.join("\n",
                "import struct, sys",
                "data = open(sys.argv[1], 'rb').read()",
                "at, counts = 0, {}",
                "while at < len(data):",
                "    kind, length = struct.unpack_from('<II', data, at)",
                "    assert length >= 12 and length % 4 == 0 and at + length <= len(data), (at, length)",
                "    assert struct.unpack_from('<I', data, at + length - 4)[0] == length, at",
                "    if kind == 0x0A0D0D0A:",
                "        magic, major, minor = struct.unpack_from('<IHH', data, at + 8)",
                "        assert (magic, major, minor) == (0x1A2B3C4D, 1, 0)",
                "    if kind == 1:",
                "        assert struct.unpack_from('<H', data, at + 8)[0] == 101",
                "    if kind == 6:",
                "        iface, hi, lo, cap, orig = struct.unpack_from('<IIIII', data, at + 8)",
                "        assert iface == 0 and cap == orig and 32 + cap <= length",
                "        assert data[at + 28] >> 4 in (4, 6)",
                "    counts[kind] = counts.get(kind, 0) + 1",
                "    at += length",
                "print(counts.get(0x0A0D0D0A, 0), counts.get(1, 0), counts.get(6, 0))", "");
        Path checker = Files.writeString(work.resolve("pcapng_check.py"), script);
        String[] counts = Cmd.run(work, Map.of(), "python3", checker.toString(), pcap.toString()).ok().stdout()
                .trim().split(" ");
        assertThat(counts[0]).as("sections: the TCP server's and the stdio server's").isEqualTo("2");
        assertThat(counts[1]).as("one interface per section").isEqualTo("2");
        assertThat(Integer.parseInt(counts[2])).isGreaterThan(100);
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
