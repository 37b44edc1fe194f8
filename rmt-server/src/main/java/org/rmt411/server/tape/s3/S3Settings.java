package org.rmt411.server.tape.s3;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how an S3 library is kept.
 *
 * @param bucket the bucket
 * @param prefix key prefix of the library, empty or ending in {@code /}
 * @param endpoint the service's URL, or null for AWS's own (from the region)
 * @param region the signing region, or null for the SDK's default chain (AWS_REGION, profile)
 * @param pathStyle address the bucket in the path, as MinIO, Ceph RGW and S3Proxy want
 * @param segmentSize bytes of one segment object: the write buffer, and the read-ahead block
 * @param leaseTime how long a cartridge lease lasts unless renewed (a dead server's lapses then)
 * @param holder who this server is, written in its leases (host and pid)
 */
public record S3Settings(String bucket, String prefix, URI endpoint, String region, boolean pathStyle,
        int segmentSize, Duration leaseTime, String holder) {
    /** 8 MiB segments: large enough for S3's per-request cost, small enough to bound memory. */
    public static final int DEFAULT_SEGMENT = 8 << 20;
    /** Leases last a minute; a live server renews them every third of that. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

    /**
     * Parses {@code s3://BUCKET/PREFIX}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static S3Settings parse(String url, URI endpoint, String region, boolean pathStyle) {
        if (!isS3(url)) {
            throw new IllegalArgumentException("not an s3://BUCKET/PREFIX library: " + url);
        }
        String rest = url.substring(url.indexOf(':') + 1).replaceFirst("^/+", "");
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException(url + ": the bucket name is empty");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        String holder = hostName() + " pid " + ProcessHandle.current().pid();
        return new S3Settings(bucket, prefix, endpoint, region, pathStyle, DEFAULT_SEGMENT, DEFAULT_LEASE, holder);
    }

    /**
     * True for an {@code s3://} library. A library option reaches the server as a path too, and
     * a path normalises {@code s3://b} to {@code s3:/b}, so both spellings count.
     */
    public static boolean isS3(String library) {
        return org.rmt411.server.tape.store.CartridgeStores.isS3(library);
    }

    /** The same settings with other segment size and lease time (tests, benchmarks). */
    public S3Settings with(int segmentSize, Duration leaseTime) {
        return new S3Settings(bucket, prefix, endpoint, region, pathStyle, segmentSize, leaseTime, holder);
    }

    /** {@code s3://bucket/prefix}, for messages. */
    public String url() {
        return "s3://" + bucket + "/" + prefix;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
