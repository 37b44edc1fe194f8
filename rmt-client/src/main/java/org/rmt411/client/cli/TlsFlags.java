package org.rmt411.client.cli;

import java.nio.file.Path;
import org.rmt411.client.transport.TlsSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --tls}, {@code --cacert}, {@code --cert}, {@code --key}: reach an rmt411 server started
 * with {@code --tls-cert}. Naming a certificate file implies {@code --tls}.
 */
public final class TlsFlags {
    @Option(names = "--tls", description = "Speak TLS to the server (implied by --cacert, --cert, --key).")
    boolean tls;

    @Option(names = "--cacert", paramLabel = "FILE",
            description = "PEM CA certificate(s), or the server's own certificate, to trust instead of the"
                    + " public CAs; the server's name is checked unless this is its own certificate.")
    Path caCert;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "PEM client certificate for servers that require one (--tls-client-ca).")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE", description = "PEM private key of --cert.")
    Path key;

    /** The settings, or {@code null} for plain TCP; a usage error when --cert and --key come apart. */
    TlsSettings settings(CommandLine cli) {
        if ((cert == null) != (key == null)) {
            throw new CommandLine.ParameterException(cli, cert == null ? "--key needs --cert" : "--cert needs --key");
        }
        return settings();
    }

    /** The settings, or {@code null} for plain TCP (after {@link #settings(CommandLine)} has checked them). */
    TlsSettings settings() {
        if (!tls && caCert == null && cert == null) {
            return null;
        }
        return new TlsSettings(caCert, cert, key);
    }
}
