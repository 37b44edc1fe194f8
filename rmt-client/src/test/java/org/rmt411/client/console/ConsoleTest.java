package org.rmt411.client.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.InProcessServer;
import org.rmt411.protocol.SeekOrder;

/**
 * The console in plain mode, driven by a script of commands as a pipe drives it, against
 * rmt411's server in-process; the transcript must match the golden one byte for byte, with only
 * the port masked.
 */
class ConsoleTest {
    @TempDir
    Path work;

    static String transcript(org.rmt411.client.transport.RmtTransport.Factory factory, SeekOrder order,
            String script) throws Exception {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        Console console = new Console(factory, order, out);
        console.connect();
        console.run(LineSource.plain(new StringReader(script), out));
        return text.toString();
    }

    static String resource(String name) throws Exception {
        try (var in = ConsoleTest.class.getResourceAsStream("/console/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aScriptAgainstTheVirtualTapeMatchesTheGoldenTranscript() throws Exception {
        try (InProcessServer server = InProcessServer.serve(Files.createDirectories(work.resolve("tapes")))) {
            String got = transcript(server.connector(), SeekOrder.OFFSET_FIRST, resource("tape.script"))
                    .replace("127.0.0.1:" + server.port(), "127.0.0.1:PORT");
            // Kept in target/ so that a changed transcript can be reviewed with diff against the golden one.
            Files.writeString(Path.of("target", "console-tape.out"), got);
            assertThat(got).isEqualTo(resource("tape.golden"));
        }
    }
}
