package org.rmt411.protocol.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM files: certificate chains and unencrypted private keys in PKCS#8
 * ({@code BEGIN PRIVATE KEY}, what certbot and {@code openssl genpkey} write) or the traditional
 * forms ({@code BEGIN RSA PRIVATE KEY}, PKCS#1, and {@code BEGIN EC PRIVATE KEY}, SEC1, what
 * {@code openssl genrsa}/{@code ecparam} and older CAs hand out). The JDK 17 has no PEM key
 * reader; the traditional forms are wrapped into PKCS#8 with a few bytes of DER. Every problem is
 * an {@link IOException} naming the file and the reason.
 */
public final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([^-]*?)-----END \\1-----", Pattern.DOTALL);
    /** rsaEncryption, 1.2.840.113549.1.1.1, with its NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private Pem() {
    }

    /** Every certificate in {@code file}, leaf first as PEM chains are written. */
    public static List<X509Certificate> certificates(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(file)) {
                if (block.label().equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not a readable X.509 certificate (" + e.getMessage() + ")", e);
        }
        if (chain.isEmpty()) {
            throw new IOException(file + ": no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    /** The private key in {@code file}. */
    public static PrivateKey privateKey(Path file) throws IOException {
        for (Block block : blocks(file)) {
            switch (block.label()) {
                case "PRIVATE KEY":
                    return pkcs8(file, block.der());
                case "RSA PRIVATE KEY":
                    return pkcs8(file, wrap(0, RSA_ALGORITHM, block.der()));
                case "EC PRIVATE KEY":
                    return pkcs8(file, wrap(0, der(0x30, concat(EC_OID, curveOf(file, block.der()))), block.der()));
                case "ENCRYPTED PRIVATE KEY":
                    throw new IOException(file + ": the private key is encrypted; decrypt it once with"
                            + " openssl pkey -in " + file + " -out KEY.pem and keep that file readable only by rmt411");
                default:
                    break;
            }
        }
        throw new IOException(file + ": no PEM private key in it (expected -----BEGIN PRIVATE KEY-----,"
                + " RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws IOException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // Try the next algorithm: PKCS#8 names it inside, but KeyFactory wants it up front.
            }
        }
        throw new IOException(file + ": not a readable RSA, EC or EdDSA private key");
    }

    private record Block(String label, byte[] der) {
    }

    private static List<Block> blocks(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + ": not a PEM file (binary DER? convert with openssl x509 -inform der)", e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": No such file or directory", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException(file + ": Permission denied", e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (text.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new IOException(file + ": the private key is encrypted; decrypt it once with"
                    + " openssl pkey -in " + file + " -out KEY.pem and keep that file readable only by rmt411");
        }
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": damaged PEM block " + m.group(1) + " (" + e.getMessage() + ")", e);
            }
        }
        return blocks;
    }

    /** PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER version, AlgorithmIdentifier, OCTET STRING key }. */
    private static byte[] wrap(int version, byte[] algorithm, byte[] key) {
        return der(0x30, concat(new byte[] {0x02, 0x01, (byte) version}, algorithm, der(0x04, key)));
    }

    /**
     * The named-curve OID of a SEC1 ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING, [0] OID, ... }.
     */
    private static byte[] curveOf(Path file, byte[] sec1) throws IOException {
        try {
            int[] at = {0};
            header(sec1, at, 0x30);
            skip(sec1, at, 0x02);
            skip(sec1, at, 0x04);
            header(sec1, at, 0xa0);
            int start = at[0];
            int length = header(sec1, at, 0x06);
            return java.util.Arrays.copyOfRange(sec1, start, at[0] + length);
        } catch (ArrayIndexOutOfBoundsException | IOException e) {
            throw new IOException(file + ": EC PRIVATE KEY without a named curve; convert it with"
                    + " openssl pkcs8 -topk8 -nocrypt -in " + file + " -out KEY.pem", e);
        }
    }

    /** Steps over one element with tag {@code tag}. */
    private static void skip(byte[] der, int[] at, int tag) throws IOException {
        int length = header(der, at, tag);
        at[0] += length;
    }

    /** Reads a tag and a length at {@code at}, leaving {@code at} on the content; returns the length. */
    private static int header(byte[] der, int[] at, int tag) throws IOException {
        if ((der[at[0]++] & 0xff) != tag) {
            throw new IOException("unexpected DER tag");
        }
        int length = der[at[0]++] & 0xff;
        if (length > 0x80) {
            int bytes = length - 0x80;
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der[at[0]++] & 0xff);
            }
        }
        return length;
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
            out.write(0x80 + bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
