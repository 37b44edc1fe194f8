package org.rmt411.server.tape.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The few S3 calls the library makes, with SDK failures turned into {@link IOException}s whose
 * message is one line naming the library and the reason (missing or wrong credentials, no such
 * bucket, the service's own code). Conditional PUTs report a lost race (412) as {@code false}.
 */
final class S3Objects {
    private static final int PRECONDITION_FAILED = 412;
    private static final int NOT_FOUND = 404;

    private final S3Client client;
    private final S3Settings settings;

    S3Objects(S3Client client, S3Settings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** An object's bytes and entity tag. */
    record Blob(byte[] data, String etag) {
    }

    /** The object at {@code key}, or null when there is none. */
    Blob get(String key) throws IOException {
        try {
            var response = client.getObjectAsBytes(GetObjectRequest.builder()
                    .bucket(settings.bucket()).key(settings.prefix() + key).build());
            return new Blob(response.asByteArray(), response.response().eTag());
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND && !"NoSuchBucket".equals(code(e))) {
                return null;
            }
            throw failure("reading " + key, e);
        } catch (SdkException e) {
            throw failure("reading " + key, e);
        }
    }

    /** {@code length} bytes of {@code key} from {@code offset} (a ranged GET). */
    byte[] range(String key, long offset, int length) throws IOException {
        // Streamed into one array of the block's size: getObjectAsBytes would buffer it twice.
        try (var in = client.getObject(GetObjectRequest.builder().bucket(settings.bucket())
                .key(settings.prefix() + key).range("bytes=" + offset + "-" + (offset + length - 1)).build())) {
            byte[] data = new byte[length];
            int n = in.readNBytes(data, 0, length);
            if (n != length) {
                throw new IOException(settings.url() + ": " + key + " ends " + (length - n) + " bytes early");
            }
            return data;
        } catch (SdkException e) {
            throw failure("reading " + key, e);
        }
    }

    /**
     * Puts {@code data} at {@code key} (without a copy: the caller leaves it alone until done): only when there is none ({@code etag} "*"), only over
     * that version ({@code etag} a tag), or unconditionally (null).
     *
     * @return the new entity tag, or null when the condition failed (412)
     */
    String put(String key, ByteBuffer data, String etag) throws IOException {
        var request = PutObjectRequest.builder().bucket(settings.bucket()).key(settings.prefix() + key);
        if ("*".equals(etag)) {
            request.ifNoneMatch("*");
        } else if (etag != null) {
            request.ifMatch(etag);
        }
        try {
            return client.putObject(request.build(), body(data)).eTag();
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED || "ConditionalRequestConflict".equals(code(e))) {
                return null;
            }
            throw failure("writing " + key, e);
        } catch (SdkException e) {
            throw failure("writing " + key, e);
        }
    }

    /** A body over the buffer's bytes; a heap buffer is streamed from its array, not copied. */
    private static RequestBody body(ByteBuffer data) {
        if (!data.hasArray()) {
            return RequestBody.fromByteBuffer(data);
        }
        byte[] array = data.array();
        int offset = data.arrayOffset() + data.position();
        int length = data.remaining();
        return RequestBody.fromContentProvider(() -> new java.io.ByteArrayInputStream(array, offset, length), length,
                "application/octet-stream");
    }

    /** Deletes {@code key} (no error when it is gone). */
    void delete(String key) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(settings.bucket()).key(settings.prefix() + key));
        } catch (SdkException e) {
            throw failure("deleting " + key, e);
        }
    }

    /** Every key under the library's prefix plus {@code under}, without the library's prefix. */
    List<String> list(String under) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            var pages = client.listObjectsV2Paginator(ListObjectsV2Request.builder()
                    .bucket(settings.bucket()).prefix(settings.prefix() + under).build());
            for (var page : pages) {
                for (S3Object o : page.contents()) {
                    keys.add(o.key().substring(settings.prefix().length()));
                }
            }
        } catch (SdkException | UncheckedIOException e) {
            throw failure("listing", e);
        }
        return keys;
    }

    private IOException failure(String doing, Exception e) {
        return new IOException(settings.url() + ": " + doing + ": " + reason(e), e);
    }

    /** One line a person can act on. */
    static String reason(Exception e) {
        if (e instanceof S3Exception s3) {
            String code = code(s3);
            return switch (code == null ? "" : code) {
                case "InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied" ->
                        "access denied (" + code + "): check the AWS credentials";
                case "NoSuchBucket" -> "no such bucket";
                default -> "HTTP " + s3.statusCode() + (code == null ? "" : " " + code);
            };
        }
        if (e instanceof SdkClientException && e.getMessage() != null
                && e.getMessage().contains("Unable to load credentials")) {
            return "no AWS credentials (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE,"
                    + " or run with an instance role)";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
