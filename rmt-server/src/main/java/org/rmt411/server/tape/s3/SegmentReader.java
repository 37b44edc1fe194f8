package org.rmt411.server.tape.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Reads an image's uploaded segments by ranged GETs of one block at a time, and fetches the
 * block after it in the background while the drive sends the current one: a sequential read
 * (tar's restore) waits for the store only at its start. Blocks are aligned within their
 * segment, so walking backwards over records (MTBSR) reuses the block it is in.
 */
final class SegmentReader {
    private final S3Objects objects;
    private final int block;
    private final Executor executor;
    private Manifest.Segment segment;
    private long offset;
    private byte[] data;
    private Manifest.Segment nextSegment;
    private long nextOffset;
    private CompletableFuture<byte[]> next;

    SegmentReader(S3Objects objects, int block, Executor executor) {
        this.objects = objects;
        this.block = block;
        this.executor = executor;
    }

    /** Copies bytes at image position {@code position} of {@code s} to {@code dst}; returns how many. */
    int read(List<Manifest.Segment> segments, int index, long position, ByteBuffer dst) throws IOException {
        Manifest.Segment s = segments.get(index);
        long within = position - s.start();
        long blockOffset = within - within % block;
        if (!s.equals(segment) || blockOffset != offset || data == null) {
            load(s, blockOffset);
            prefetch(segments, index);
        }
        int from = (int) (within - offset);
        int n = Math.min(dst.remaining(), data.length - from);
        dst.put(data, from, n);
        return n;
    }

    private void load(Manifest.Segment s, long blockOffset) throws IOException {
        if (next != null && s.equals(nextSegment) && blockOffset == nextOffset) {
            data = join(next);
        } else {
            data = objects.range(s.key(), blockOffset, (int) Math.min(block, s.length() - blockOffset));
        }
        next = null;
        segment = s;
        offset = blockOffset;
    }

    private void prefetch(List<Manifest.Segment> segments, int index) {
        Manifest.Segment s = segments.get(index);
        if (offset + block < s.length()) {
            nextSegment = s;
            nextOffset = offset + block;
        } else if (index + 1 < segments.size()) {
            nextSegment = segments.get(index + 1);
            nextOffset = 0;
        } else {
            return;
        }
        Manifest.Segment target = nextSegment;
        long at = nextOffset;
        int length = (int) Math.min(block, target.length() - at);
        next = CompletableFuture.supplyAsync(() -> {
            try {
                return objects.range(target.key(), at, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, executor);
    }

    /** Forgets what it has read (the image was cut). */
    void invalidate() {
        data = null;
        segment = null;
        next = null;
    }

    private static byte[] join(CompletableFuture<byte[]> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IOException(e.getCause());
        }
    }
}
