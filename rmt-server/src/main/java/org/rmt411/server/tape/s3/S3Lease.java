package org.rmt411.server.tape.s3;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtException;

/**
 * The lease object {@code BARCODE/lease} that makes a cartridge loaded in at most one drive of
 * all the servers sharing a bucket. It is created with {@code If-None-Match: *}; a lease whose
 * expiry has passed (its server died) is taken over with {@code If-Match} on the tag read, so of
 * two servers racing for a lapsed lease exactly one wins. The holder renews it (again with
 * {@code If-Match}) every third of its time; a renewal that fails means another server took it
 * over, and every later write of this holder fails instead of overwriting the other's data.
 */
final class S3Lease implements Closeable {
    private final S3Objects objects;
    private final String key;
    private final String barcode;
    private final S3Settings settings;
    private final String token = UUID.randomUUID().toString();
    private volatile String etag;
    private volatile boolean lost;
    private ScheduledFuture<?> renewal;

    private S3Lease(S3Objects objects, String barcode, S3Settings settings) {
        this.objects = objects;
        this.key = barcode + "/lease";
        this.barcode = barcode;
        this.settings = settings;
    }

    /**
     * Takes the lease of {@code barcode} and keeps renewing it on {@code timer}.
     *
     * @throws RmtException EBUSY, naming the holder and its expiry, when another server has it
     */
    static S3Lease acquire(S3Objects objects, String barcode, S3Settings settings, ScheduledExecutorService timer)
            throws IOException {
        S3Lease lease = new S3Lease(objects, barcode, settings);
        lease.take();
        long period = Math.max(1, settings.leaseTime().toMillis() / 3);
        lease.renewal = timer.scheduleWithFixedDelay(lease::renew, period, period, TimeUnit.MILLISECONDS);
        return lease;
    }

    private void take() throws IOException {
        etag = objects.put(key, content(), "*");
        if (etag != null) {
            return;
        }
        S3Objects.Blob current = objects.get(key);
        if (current == null) { // released between the two calls: try once more
            etag = objects.put(key, content(), "*");
        } else {
            Properties held = new Properties();
            held.load(new ByteArrayInputStream(current.data()));
            Instant expires = Instant.parse(held.getProperty("expires", Instant.EPOCH.toString()));
            if (expires.isAfter(Instant.now())) {
                throw busy(held.getProperty("holder", "another server"), expires);
            }
            etag = objects.put(key, content(), current.etag()); // a dead server's lease
        }
        if (etag == null) {
            throw busy("another server", null);
        }
    }

    private RmtException busy(String holder, Instant expires) {
        return new RmtException(Errno.EBUSY, "cartridge " + barcode + " is loaded by " + holder
                + (expires == null ? "" : " (lease until " + expires + ")"));
    }

    private ByteBuffer content() {
        String text = "holder=" + settings.holder() + "\ntoken=" + token + "\nexpires="
                + Instant.now().plus(settings.leaseTime()) + "\n";
        return ByteBuffer.wrap(Manifest.ascii(text));
    }

    private void renew() {
        if (lost) {
            return;
        }
        try {
            String next = objects.put(key, content(), etag);
            if (next == null) {
                lost = true;
            } else {
                etag = next;
            }
        } catch (IOException e) {
            // A passing outage: the next renewal tries again, well before the lease lapses.
            System.getLogger(S3Lease.class.getName()).log(System.Logger.Level.WARNING,
                    "cartridge " + barcode + ": lease renewal failed: " + e.getMessage());
        }
    }

    /** Fails when another server has taken the lease over: this holder must not write any more. */
    void check() throws IOException {
        if (lost) {
            throw new IOException("cartridge " + barcode + ": its lease was taken over by another server");
        }
    }

    /**
     * Checks with the store that the lease is still this holder's, before a commit: renewals
     * may have stalled (a paused process) while another server took the cartridge over.
     */
    void verify() throws IOException {
        check();
        S3Objects.Blob current = objects.get(key);
        if (current == null || !new String(current.data(), java.nio.charset.StandardCharsets.US_ASCII)
                .contains("token=" + token)) {
            lost = true;
            check();
        }
    }

    /** Stops renewing and removes the lease, unless another server holds it by now. */
    @Override
    public void close() throws IOException {
        renewal.cancel(false);
        if (!lost) {
            S3Objects.Blob current = objects.get(key);
            if (current != null && new String(current.data(), java.nio.charset.StandardCharsets.US_ASCII)
                    .contains("token=" + token)) {
                objects.delete(key);
            }
        }
    }
}
