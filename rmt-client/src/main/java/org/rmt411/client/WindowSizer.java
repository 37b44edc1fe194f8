package org.rmt411.client;

/**
 * Sizes the write window from the link: {@code 2 × throughput × RTT}, the bandwidth-delay
 * product with room to spare, so that replies keep arriving while more requests are sent.
 *
 * <p>The RTT is the shortest reply time seen (queueing only ever adds to it); the throughput is
 * measured over each round of collected replies. While the window is what limits the
 * throughput, {@code throughput × RTT} equals the window and the target doubles it, as TCP's slow
 * start does; once the link is the limit, the target settles at twice its bandwidth-delay
 * product. The window never shrinks below where it started, nor grows past
 * {@value #MAX_BYTES} bytes or {@value #MAX_REQUESTS} requests: replies to that many writes
 * (a few bytes each) must fit the socket buffers, since the client does not read them while it
 * is blocked sending.
 */
final class WindowSizer {
    /** Most bytes of writes in flight. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** Most writes in flight. */
    static final int MAX_REQUESTS = 4096;

    private final int startRequests;
    private final boolean fixed;
    private long minRttNanos = Long.MAX_VALUE;
    private long windowBytes;
    private int windowRequests;
    private long roundStart;
    private long roundBytes;

    /** A window of {@code startRequests} writes to begin with; 1 keeps it at 1 (no pipelining). */
    WindowSizer(int startRequests) {
        this.startRequests = startRequests;
        this.fixed = startRequests <= 1;
        this.windowRequests = startRequests;
        this.windowBytes = Long.MAX_VALUE;
    }

    /** Whether {@code requests} writes of {@code bytes} in all fill the window. */
    boolean full(int requests, long bytes) {
        return requests >= windowRequests || bytes >= windowBytes;
    }

    /** Notes one reply: the write of {@code bytes} was sent at {@code sentNanos}. */
    void replied(long bytes, long sentNanos, long nowNanos) {
        minRttNanos = Math.min(minRttNanos, Math.max(1, nowNanos - sentNanos));
        if (roundStart == 0) {
            roundStart = sentNanos;
        }
        roundBytes += bytes;
    }

    /**
     * Ends a round of collecting (the window was full and has been halved): resizes the window
     * from the throughput of the round.
     */
    void roundEnds(long nowNanos, long averageRecord) {
        long elapsed = nowNanos - roundStart;
        if (fixed || elapsed <= 0 || roundBytes == 0 || minRttNanos == Long.MAX_VALUE) {
            return;
        }
        double bytesPerNano = (double) roundBytes / elapsed;
        long target = (long) Math.min(MAX_BYTES, 2 * bytesPerNano * minRttNanos);
        long record = Math.max(1, averageRecord);
        long floorBytes = startRequests * record;
        windowBytes = Math.max(floorBytes, target);
        windowRequests = (int) Math.min(MAX_REQUESTS, Math.max(startRequests, (windowBytes + record - 1) / record));
        roundStart = nowNanos;
        roundBytes = 0;
    }

    /** The current window in writes (for tests and diagnostics). */
    int requests() {
        return windowRequests;
    }
}
