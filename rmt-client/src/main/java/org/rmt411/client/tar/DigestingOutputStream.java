package org.rmt411.client.tar;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Passes bytes through while counting them and, for --verify only (SHA-256 costs more CPU than
 * the rest of a backup), feeding a digest.
 */
final class DigestingOutputStream extends FilterOutputStream {
    private final MessageDigest digest;
    private long count;

    DigestingOutputStream(OutputStream out, boolean digesting) {
        super(out);
        this.digest = digesting ? sha256() : null;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        if (digest != null) {
            digest.update((byte) b);
        }
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        if (digest != null) {
            digest.update(b, off, len);
        }
        count += len;
    }

    long count() {
        return count;
    }

    /** The digest of everything written; only when digesting. */
    byte[] digest() {
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
