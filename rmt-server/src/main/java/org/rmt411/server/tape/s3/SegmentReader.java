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
 * next {@link #DEPTH} blocks in the background while the drive sends the current one: a sequential read
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
    /** Blocks being fetched ahead, in image order. */
    private final java.util.ArrayDeque<Ahead> ahead = new java.util.ArrayDeque<>();

    /** A block fetched ahead of the reader. */
    private record Ahead(Manifest.Segment segment, long offset, CompletableFuture<byte[]> data) {
    }

    /** Blocks fetched ahead: a GET's latency is hidden behind the sending of three blocks. */
    static final int DEPTH = 3;

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
        while (!ahead.isEmpty() && !(ahead.peek().segment().equals(s) && ahead.peek().offset() == blockOffset)) {
            ahead.poll(); // not read in order: a seek, or a step back
        }
        Ahead hit = ahead.poll();
        data = hit != null ? join(hit.data())
                : objects.range(s.key(), blockOffset, (int) Math.min(block, s.length() - blockOffset));
        segment = s;
        offset = blockOffset;
    }

    private void prefetch(List<Manifest.Segment> segments, int index) {
        int i = index;
        long at = offset;
        for (int n = 0; n < DEPTH; n++) {
            at += block;
            if (at >= segments.get(i).length()) {
                if (++i >= segments.size()) {
                    return;
                }
                at = 0;
            }
            if (n < ahead.size()) {
                continue; // already on its way (the window moved by one block)
            }
            Manifest.Segment target = segments.get(i);
            long from = at;
            int length = (int) Math.min(block, target.length() - from);
            ahead.add(new Ahead(target, from, CompletableFuture.supplyAsync(() -> {
                try {
                    return objects.range(target.key(), from, length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, executor)));
        }
    }

    /** Forgets what it has read (the image was cut). */
    void invalidate() {
        data = null;
        segment = null;
        ahead.clear();
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
