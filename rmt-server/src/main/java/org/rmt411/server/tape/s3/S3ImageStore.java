package org.rmt411.server.tape.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.rmt411.server.tape.store.ImageStore;

/**
 * A cartridge image as immutable segment objects ({@code BARCODE/seg-GENERATION-N}, SIMH bytes
 * end to end) listed by the manifest. Writes fill a buffer of one segment; a full buffer is
 * uploaded in the background while the next one fills, up to {@link #IN_FLIGHT} at once, so
 * memory (the spool) never holds more than four segments and the client's writes overlap the
 * uploads. {@link #force()} uploads what
 * is buffered and then commits the segment list to the manifest: until then nothing written is
 * part of the cartridge, so a crash leaves the image as of the last synchronisation point.
 */
final class S3ImageStore implements ImageStore {
    private final S3CartridgeStore owner;
    private final S3Objects objects;
    private final String barcode;
    private final S3Lease lease;
    private final int segmentSize;
    private final String generation = UUID.randomUUID().toString().substring(0, 8);
    private final List<Manifest.Segment> segments;
    private final SegmentReader reader;
    private List<Manifest.Segment> committed;
    private int sequence;
    private long pendingStart;
    private ByteBuffer pending;
    private final java.util.ArrayDeque<ByteBuffer> spares = new java.util.ArrayDeque<>();
    /** Segments on their way up, oldest first: their bytes stay readable from memory until done. */
    private final java.util.ArrayDeque<Upload> uploads = new java.util.ArrayDeque<>();

    /** One segment being uploaded. */
    private record Upload(Manifest.Segment segment, ByteBuffer data, CompletableFuture<Void> done) {
    }

    S3ImageStore(S3CartridgeStore owner, String barcode, List<Manifest.Segment> segments, S3Lease lease) {
        this.owner = owner;
        this.objects = owner.objects();
        this.barcode = barcode;
        this.lease = lease;
        this.segmentSize = owner.settings().segmentSize();
        this.segments = new ArrayList<>(segments);
        this.committed = List.copyOf(segments);
        this.pendingStart = segments.isEmpty() ? 0 : segments.get(segments.size() - 1).end();
        this.reader = new SegmentReader(objects, segmentSize, owner.executor());
    }

    @Override
    public boolean writable() {
        return lease != null;
    }

    @Override
    public long size() {
        return pendingStart + (pending == null ? 0 : pending.position());
    }

    /** Uploads at once: S3 (and S3Proxy) serve parallel PUTs far faster than one after another. */
    static final int IN_FLIGHT = 3;

    /** The most bytes this image ever holds in memory for writing (the spool). */
    long spoolLimit() {
        return (IN_FLIGHT + 1L) * segmentSize;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        if (position >= size()) {
            return -1;
        }
        if (position >= pendingStart) {
            return copy(pending, pending.position(), (int) (position - pendingStart), dst);
        }
        int index = indexOf(position);
        Manifest.Segment s = segments.get(index);
        for (Upload u : uploads) {
            if (u.segment().equals(s)) {
                return copy(u.data(), u.data().limit(), (int) (position - s.start()), dst);
            }
        }
        return reader.read(segments, index, position, dst);
    }

    /** Copies from the first {@code valid} bytes of {@code from}, starting at {@code at}. */
    private static int copy(ByteBuffer from, int valid, int at, ByteBuffer dst) {
        int n = Math.min(valid - at, dst.remaining());
        dst.put(dst.position(), from, at, n);
        dst.position(dst.position() + n);
        return n;
    }

    private int indexOf(long position) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segments.get(mid).start() <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    public void write(ByteBuffer[] srcs, int offset, int count, long position) throws IOException {
        requireWritable();
        if (position != size()) {
            throw new IOException("cartridge " + barcode + ": written at " + position + ", not at its end " + size());
        }
        for (int i = offset; i < offset + count; i++) {
            ByteBuffer src = srcs[i];
            while (src.hasRemaining()) {
                if (pending == null) {
                    ByteBuffer spare = spares.poll();
                    pending = spare != null ? spare.clear() : ByteBuffer.allocate(segmentSize);
                }
                int n = Math.min(src.remaining(), pending.remaining());
                pending.put(src.slice().limit(n));
                src.position(src.position() + n);
                if (!pending.hasRemaining()) {
                    startUpload();
                }
            }
        }
    }

    /** Sends the buffered bytes as the next segment, in the background. */
    private void startUpload() throws IOException {
        while (uploads.size() >= IN_FLIGHT) {
            awaitOldest();
        }
        ByteBuffer full = pending.flip();
        Manifest.Segment s = new Manifest.Segment(barcode + "/seg-" + generation + "-" + sequence++,
                pendingStart, full.remaining());
        segments.add(s);
        pendingStart = s.end();
        pending = null;
        uploads.add(new Upload(s, full, CompletableFuture.runAsync(() -> {
            try {
                objects.put(s.key(), full.duplicate(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, owner.executor())));
    }

    private void awaitUploads() throws IOException {
        while (!uploads.isEmpty()) {
            awaitOldest();
        }
    }

    private void awaitOldest() throws IOException {
        Upload u = uploads.peek();
        try {
            u.done().join();
            uploads.poll();
            spares.push(u.data());
        } catch (CompletionException e) {
            // The SDK has retried already; the segment is lost, so is everything after it.
            for (Upload later : uploads) {
                later.done().exceptionally(x -> null).join();
            }
            uploads.clear();
            truncateTo(u.segment().start());
            throw e.getCause() instanceof UncheckedIOException x ? x.getCause() : new IOException(e.getCause());
        }
    }

    @Override
    public void truncate(long size) throws IOException {
        if (size >= size()) {
            return;
        }
        awaitUploads();
        truncateTo(size);
    }

    private void truncateTo(long size) {
        if (size >= pendingStart) {
            pending.position((int) (size - pendingStart));
            return;
        }
        if (pending != null) {
            spares.push(pending);
            pending = null;
        }
        segments.removeIf(s -> s.start() >= size);
        if (!segments.isEmpty()) {
            Manifest.Segment last = segments.get(segments.size() - 1);
            if (last.end() > size) {
                segments.set(segments.size() - 1, new Manifest.Segment(last.key(), last.start(), size - last.start()));
            }
        }
        pendingStart = size;
        reader.invalidate();
    }

    @Override
    public void force() throws IOException {
        if (lease == null) {
            return;
        }
        requireWritable();
        boolean buffered = pending != null && pending.position() > 0;
        if (!buffered && segments.equals(committed)) {
            return;
        }
        lease.verify();
        if (buffered) {
            startUpload();
        }
        awaitUploads();
        if (!segments.equals(committed)) {
            owner.commit(barcode, segments);
            committed = List.copyOf(segments);
        }
    }

    private void requireWritable() throws IOException {
        if (lease == null) {
            throw new java.nio.channels.NonWritableChannelException();
        }
        lease.check();
    }

    /** Closes without committing anything written since the last {@link #force()}; frees the lease. */
    @Override
    public void close() throws IOException {
        try {
            for (Upload u : uploads) {
                u.done().exceptionally(e -> null).join();
            }
        } finally {
            if (lease != null) {
                lease.close();
            }
        }
    }
}
