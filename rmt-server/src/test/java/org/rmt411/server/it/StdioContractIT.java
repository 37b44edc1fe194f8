package org.rmt411.server.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rmt411.server.transport.SessionContract;

/** The contract over a forked {@code --stdio} server, as ssh or tar's remote shell runs it. */
class StdioContractIT extends SessionContract {
    @Override
    protected Connection connect(java.time.Duration idle) throws IOException {
        List<String> command = new ArrayList<>(ServerProcess.javaCommand());
        command.addAll(List.of("--stdio", "--root", root.toString(), "--idle-timeout", idle.toMillis() + "ms"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new Connection() {
            @Override
            public InputStream in() {
                return process.getInputStream();
            }

            @Override
            public OutputStream out() {
                return process.getOutputStream();
            }

            @Override
            public void endOutput() throws IOException {
                process.getOutputStream().close();
            }

            @Override
            public void close() throws IOException {
                process.getOutputStream().close();
                try {
                    if (!process.waitFor(20, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
        };
    }
}
