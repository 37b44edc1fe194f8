package org.rmt411.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.protocol.tls.TestPki;

/**
 * {@code --policy} rules on TLS identities, end to end: a mutual-TLS server, certificates made
 * by openssl, GNU tar and GNU mt reaching it through {@code socat OPENSSL} as their remote shell.
 * The client certificate {@code CN=backup-client,O=rmt411 tests} may write drive 0 by its CN and
 * only read drive 1 by its whole DN; plain files are nobody's.
 */
class PolicyTlsIT {
    @TempDir
    static Path work;
    static Path policy;
    static Path rsh;
    static ServerProcess tls;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(work.resolve("root"));
        TestPki pki = TestPki.create(Files.createDirectories(work.resolve("pki")));
        policy = Files.writeString(work.resolve("policy"), String.join("\n",
                "allow cn:backup-client rw /dev/nst0",
                "allow \"dn:O=rmt411 tests\" rw /**",
                "allow \"dn:CN=backup-client, O=rmt411 tests\" read /dev/nst1", ""));
        tls = ServerProcess.tcp(root, "--drives", "2", "--policy", policy.toString(),
                "--tls-cert", pki.cert("server").toString(), "--tls-key", pki.key("server").toString(),
                "--tls-client-ca", pki.cert("ca").toString());
        rsh = work.resolve("tlsrsh");
        Files.writeString(rsh, String.join("\n", "#!/bin/sh",
                "exec socat - OPENSSL:localhost:" + tls.port() + ",cafile=" + pki.cert("ca")
                        + ",cert=" + pki.cert("client") + ",key=" + pki.key("client"), ""));
        Files.setPosixFilePermissions(rsh, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(work.resolve("data.txt"), "payload\n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (tls != null) {
            tls.close();
        }
    }

    private static Cmd.Result run(String... command) throws IOException, InterruptedException {
        return Cmd.run(work, Map.of(), command);
    }

    @Test
    void theCertificateWritesItsDriveReadsTheOtherAndOpensNoFile() throws Exception {
        run("tar", "--rsh-command=" + rsh, "-cf", "localhost:/dev/nst0", "data.txt").ok();
        run("mt-gnu", "--rsh-command=" + rsh, "-f", "localhost:/dev/nst0", "rewind").ok();
        assertThat(run("tar", "--rsh-command=" + rsh, "-tf", "localhost:/dev/nst0").ok().stdout()).isEqualTo("data.txt\n");

        run("mt-gnu", "--rsh-command=" + rsh, "-f", "localhost:/dev/nst1", "rewind").ok();
        for (List<String> writes : List.of(List.of("tar", "-cf", "localhost:/dev/nst1", "data.txt"),
                List.of("mt-gnu", "-f", "localhost:/dev/nst1", "weof"))) {
            Cmd.Result refused = run(writes.get(0), "--rsh-command=" + rsh, writes.get(1), writes.get(2), writes.get(3));
            assertThat(refused.exit()).as(writes.toString()).isNotZero();
            assertThat(refused.stderr()).as(writes.toString()).contains("Permission denied");
        }
        assertThat(run("tar", "--rsh-command=" + rsh, "-cf", "localhost:/x.tar", "data.txt").stderr())
                .contains("Cannot open: Permission denied");

        assertThat(tls.stderr()).containsPattern("refused write open of /dev/nst1 for login \\S+ from 127\\.0\\.0\\.1:\\d+"
                + " \\(TLS CN=backup-client,O=rmt411 tests\\): " + policy + ":3 \\(allow dn:CN=backup-client, O=rmt411 tests"
                + " read /dev/nst1\\)");
        assertThat(tls.stderr()).contains("(TLS CN=backup-client,O=rmt411 tests): no rule in " + policy + " allows it");
    }
}
