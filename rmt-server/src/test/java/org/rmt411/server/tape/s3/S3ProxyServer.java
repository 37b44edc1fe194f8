package org.rmt411.server.tape.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 service for tests: S3Proxy with its filesystem blobstore in a folder, on a loopback
 * port picked at run time, checking AWS v4 signatures with a fixed key pair. Its bucket
 * {@value #BUCKET} exists from the start.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String BUCKET = "tapes";
    public static final String ACCESS_KEY = "rmt411-test";
    public static final String SECRET_KEY = "rmt411-secret";

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    /** Starts it on the blobs under {@code folder}. */
    public S3ProxyServer(Path folder) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", folder.toString());
        context = ContextBuilder.newBuilder("filesystem").credentials("unused", "unused").overrides(properties)
                .build(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, BUCKET);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** The endpoint URL ({@code http://127.0.0.1:PORT}). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Settings for {@code s3://tapes/PREFIX} on this server, path-style. */
    public S3Settings settings(String prefix) {
        return S3Settings.parse("s3://" + BUCKET + "/" + prefix, endpoint(), "us-east-1", true);
    }

    /** Makes the SDK's default chain find this server's keys (system properties). */
    public static void useTestCredentials() {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
