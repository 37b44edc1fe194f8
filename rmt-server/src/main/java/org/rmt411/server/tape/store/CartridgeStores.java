package org.rmt411.server.tape.store;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;

/**
 * Opens the store of an {@code s3://} library by name, through reflection: a server with a file
 * library never loads the S3 classes or the AWS SDK behind them (start-up time and memory).
 */
public final class CartridgeStores {
    private static final String S3_STORE = "org.rmt411.server.tape.s3.S3CartridgeStore";

    private CartridgeStores() {
    }

    /** True for a library named {@code s3://BUCKET/PREFIX} (also as a path, {@code s3:/BUCKET}). */
    public static boolean isS3(String library) {
        return library != null && library.startsWith("s3:/");
    }

    /**
     * The store of the S3 library {@code url}.
     *
     * @param endpoint the service's URL, or null for AWS
     * @param region the region, or null for the SDK's default
     * @param pathStyle bucket in the path rather than the host name
     * @throws IOException when {@code url} is not a valid bucket URL, or the client cannot be made
     */
    public static CartridgeStore s3(String url, URI endpoint, String region, boolean pathStyle) throws IOException {
        try {
            return (CartridgeStore) Class.forName(S3_STORE)
                    .getMethod("open", String.class, URI.class, String.class, boolean.class)
                    .invoke(null, url, endpoint, region, pathStyle);
        } catch (InvocationTargetException e) {
            // One line for the operator (an empty bucket name, a bad endpoint), not a stack trace.
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IOException("S3 libraries are not available in this build: " + e, e);
        }
    }
}
