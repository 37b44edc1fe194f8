package org.rmt411.server.tape.s3;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.rmt411.server.tape.store.CartridgeStore;
import org.rmt411.server.tape.store.ImageStore;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A library in an S3 bucket under a prefix, shared by any number of servers: per cartridge a
 * manifest ({@code BARCODE/manifest}: metadata and segment list, see {@link Manifest}), its
 * immutable segments, and while it is loaded a lease ({@link S3Lease}). Every server sees every
 * cartridge, since the listing is the bucket's. Built only for an {@code s3://} library, so the
 * SDK's classes are never loaded by a server with a file library.
 */
public final class S3CartridgeStore implements CartridgeStore, Closeable {
    private static final String MANIFEST = "/manifest";
    private static final int ATTEMPTS = 8;

    private final S3Settings settings;
    private final S3Client client;
    private final S3Objects objects;
    private final ExecutorService executor;
    private final ScheduledExecutorService timer;
    /** Images made here whose metadata is not stored yet (create, import): they are no cartridge yet. */
    private final Map<String, List<Manifest.Segment>> staged = new ConcurrentHashMap<>();

    /** Connects to the library {@code settings} names (nothing is sent until it is used). */
    public S3CartridgeStore(S3Settings settings) {
        this.settings = settings;
        this.client = S3Clients.build(settings);
        this.objects = new S3Objects(client, settings);
        this.executor = Executors.newCachedThreadPool(daemon("rmt411-s3-io"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("rmt411-s3-lease"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The store of {@code s3://BUCKET/PREFIX} (for {@link org.rmt411.server.tape.store.CartridgeStores}). */
    public static S3CartridgeStore open(String url, java.net.URI endpoint, String region, boolean pathStyle) {
        return new S3CartridgeStore(S3Settings.parse(url, endpoint, region, pathStyle));
    }

    S3Settings settings() {
        return settings;
    }

    S3Objects objects() {
        return objects;
    }

    ExecutorService executor() {
        return executor;
    }

    @Override
    public String location() {
        return settings.url();
    }

    /** True when the bucket answers a listing: wrong credentials or bucket fail here, clearly. */
    @Override
    public boolean exists() throws IOException {
        objects.list("");
        return true;
    }

    @Override
    public List<String> barcodes() throws IOException {
        return objects.list("").stream().filter(k -> k.endsWith(MANIFEST) && k.indexOf('/') == k.length() - MANIFEST.length())
                .map(k -> k.substring(0, k.length() - MANIFEST.length())).sorted().toList();
    }

    @Override
    public boolean contains(String barcode) throws IOException {
        return objects.get(barcode + MANIFEST) != null;
    }

    @Override
    public Properties readMetadata(String barcode) throws IOException {
        return Manifest.metadata(manifest(barcode));
    }

    private Properties manifest(String barcode) throws IOException {
        S3Objects.Blob blob = objects.get(barcode + MANIFEST);
        if (blob == null) {
            throw new NoSuchFileException(barcode, null, "no such cartridge in " + location());
        }
        return Manifest.parse(blob.data());
    }

    /** Replaces the metadata, keeping the segments the manifest lists (or the staged ones). */
    @Override
    public void writeMetadata(String barcode, Properties metadata) throws IOException {
        List<Manifest.Segment> fresh = staged.remove(barcode);
        update(barcode, (current) -> {
            Properties next = new Properties();
            next.putAll(metadata);
            String segments = fresh != null ? Manifest.encode(fresh)
                    : current == null ? "" : current.getProperty(Manifest.SEGMENTS, "");
            next.setProperty(Manifest.SEGMENTS, segments);
            return next;
        });
    }

    /** Points the manifest at {@code segments}, keeping its metadata: the image's commit. */
    void commit(String barcode, List<Manifest.Segment> segments) throws IOException {
        if (!contains(barcode)) {
            staged.put(barcode, List.copyOf(segments));
            return;
        }
        update(barcode, current -> {
            Properties next = new Properties();
            next.putAll(current);
            next.setProperty(Manifest.SEGMENTS, Manifest.encode(segments));
            return next;
        });
    }

    private interface Change {
        Properties apply(Properties current) throws IOException;
    }

    /** Read, change, conditional PUT; again when another server changed it in between. */
    private void update(String barcode, Change change) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            S3Objects.Blob blob = objects.get(barcode + MANIFEST);
            Properties next = change.apply(blob == null ? null : Manifest.parse(blob.data()));
            byte[] data = Manifest.render(next, barcode);
            if (objects.put(barcode + MANIFEST, ByteBuffer.wrap(data), blob == null ? "*" : blob.etag()) != null) {
                return;
            }
        }
        throw new IOException(location() + ": the manifest of cartridge " + barcode + " kept changing under this server");
    }

    @Override
    public ImageStore createImage(String barcode) throws IOException {
        staged.put(barcode, List.of());
        return open(barcode, List.of(), true);
    }

    @Override
    public ImageStore openImage(String barcode, boolean writable) throws IOException {
        List<Manifest.Segment> segments = staged.get(barcode);
        return open(barcode, segments != null ? segments : Manifest.segments(manifest(barcode)), writable);
    }

    private ImageStore open(String barcode, List<Manifest.Segment> segments, boolean writable) throws IOException {
        S3Lease lease = writable ? S3Lease.acquire(objects, barcode, settings, timer) : null;
        if (writable && !staged.containsKey(barcode)) {
            // The manifest read before the lease may be older than the last holder's commit.
            segments = Manifest.segments(manifest(barcode));
        }
        return new S3ImageStore(this, barcode, segments, lease);
    }

    /** Deletes every object of {@code barcode}: manifest first, so it stops being a cartridge at once. */
    @Override
    public void delete(String barcode) throws IOException {
        staged.remove(barcode);
        objects.delete(barcode + MANIFEST);
        for (String key : objects.list(barcode + "/")) {
            objects.delete(key);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        timer.shutdownNow();
        client.close();
    }
}
