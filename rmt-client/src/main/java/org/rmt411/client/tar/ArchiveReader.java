package org.rmt411.client.tar;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Opens a tar archive from a stream, gunzipping it first when it starts with the gzip magic. */
public final class ArchiveReader {
    private ArchiveReader() {
    }

    /**
     * @param recordSize tar record size, so the reader consumes the padding after the end marker
     */
    public static TarArchiveInputStream open(InputStream raw, int recordSize) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream archive = in;
        if (b0 == 0x1f && b1 == 0x8b) {
            archive = new GzipCompressorInputStream(in);
        }
        return new TarArchiveInputStream(archive, recordSize, "UTF-8");
    }
}
