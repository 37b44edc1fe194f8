package org.rmt411.server.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.rmt411.server.tape.TapeLibrary;
import org.rmt411.server.tape.store.CartridgeStores;
import picocli.CommandLine.Option;

/**
 * The options of an {@code s3://BUCKET/PREFIX} library: {@code --s3-endpoint URL} (MinIO, Ceph
 * RGW, Garage... anything but AWS), {@code --s3-region REGION}, {@code --s3-path-style}. A
 * picocli mixin for the server and the operator subcommands; {@link QuickArgs} fills the same
 * fields through {@link #set}.
 */
final class S3Options {
    @Option(names = "--s3-endpoint", paramLabel = "URL",
            description = "The S3 service of an s3:// library, when it is not AWS (http://host:9000).")
    URI endpoint;

    @Option(names = "--s3-region", paramLabel = "REGION",
            description = "The region of an s3:// library (default: AWS_REGION, else us-east-1).")
    String region;

    @Option(names = "--s3-path-style",
            description = "Address the bucket in the URL path (MinIO, Ceph RGW, S3Proxy), not the host name.")
    boolean pathStyle;

    /** Equal options: {@code QuickArgsTest} compares what both parsers made of a command line. */
    @Override
    public boolean equals(Object o) {
        return o instanceof S3Options other && java.util.Objects.equals(endpoint, other.endpoint)
                && java.util.Objects.equals(region, other.region) && pathStyle == other.pathStyle;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(endpoint, region, pathStyle);
    }

    /** Sets {@code --s3-endpoint} or {@code --s3-region} from {@link QuickArgs}. */
    void set(String name, String value) {
        if (name.equals("--s3-endpoint")) {
            endpoint = URI.create(value);
        } else {
            region = value;
        }
    }

    /**
     * The library at {@code library}: an {@code s3://} one keeps its cartridges in the bucket and
     * this server's drive state in the local {@code stateFolder}; any other is a folder.
     */
    TapeLibrary library(Path library, Path stateFolder, TapeLibrary.Settings settings, boolean readOnly)
            throws IOException {
        if (!CartridgeStores.isS3(library.toString())) {
            return TapeLibrary.inFolder(library, settings, readOnly);
        }
        return TapeLibrary.withStore(stateFolder, CartridgeStores.s3(library.toString(), endpoint, region, pathStyle),
                settings, readOnly);
    }
}
