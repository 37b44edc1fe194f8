package org.rmt411.server.tape.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds the SDK client of an S3 library. Credentials come the standard AWS ways (environment,
 * profile, container or instance role: the SDK's default chain). Throttling (503 SlowDown, 429)
 * and 5xx answers are retried by the SDK's standard retry mode with backoff; a segment or
 * manifest PUT is idempotent (segments have unique keys, the manifest is conditional), so a
 * retry never duplicates data.
 */
final class S3Clients {
    private static final int ATTEMPTS = 6;

    private S3Clients() {
    }

    static S3Client build(S3Settings settings) {
        var builder = S3Client.builder()
                // A chain of its own, not the shared default: credentials are looked up afresh.
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(ATTEMPTS))
                        .build())
                // CRC trailers on every PUT and GET only when an operation requires them: the
                // default (since SDK 2.30) sends aws-chunked bodies with trailing checksums that
                // MinIO, Ceph RGW and S3Proxy versions reject or verify slowly, and it cost a
                // 1 GiB write 20x its time on S3Proxy. Segments are checked by the SIMH framing.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        // One SHA-256 over the segment instead of a signature per 128 KiB chunk.
                        .chunkedEncodingEnabled(false)
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        builder.region(Region.of(settings.region() != null ? settings.region()
                : System.getenv().getOrDefault("AWS_REGION", "us-east-1")));
        return builder.build();
    }
}
