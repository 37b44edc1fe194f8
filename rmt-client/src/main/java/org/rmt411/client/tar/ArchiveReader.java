package org.rmt411.client.tar;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.rmt411.client.tar.incremental.GnuDumpdirFilter;

/** Opens a tar archive from a stream, decompressing it first if its magic number says so. */
public final class ArchiveReader {
    private ArchiveReader() {
    }

    /**
     * @param recordSize tar record size, so the reader consumes the padding after the end marker
     * @throws IOException for a compression this client does not decode (see {@link Compression})
     */
    public static TarArchiveInputStream open(InputStream raw, int recordSize) throws IOException {
        // GNU-format incremental archives carry dumpdirs as 'D' members, which commons-compress misreads.
        return new TarArchiveInputStream(new GnuDumpdirFilter(Compression.decompress(raw)), recordSize, "UTF-8");
    }
}
