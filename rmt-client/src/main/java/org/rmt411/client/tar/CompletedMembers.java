package org.rmt411.client.tar;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Sits between the tar writer and the archive sink and knows which members have wholly left
 * the writer, so an interrupted backup can say where its archive ends. The writer must block
 * in 512 bytes: then a member's last block has passed here when the member is closed.
 */
final class CompletedMembers extends FilterOutputStream {
    private long passed;
    private String lastComplete;

    CompletedMembers(OutputStream sink) {
        super(sink);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        passed++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        passed += len;
    }

    /** The member just closed by the writer is wholly written. */
    void ended(String name) {
        lastComplete = name;
    }

    /** Writes zeros up to the next multiple of {@code recordSize} (the tar end-of-archive padding). */
    void padTo(int recordSize) throws IOException {
        int pad = (int) ((recordSize - passed % recordSize) % recordSize);
        write(new byte[pad], 0, pad);
    }

    /** The last member whose every byte went to the sink, or null if none did. */
    String lastComplete() {
        return lastComplete;
    }
}
