package org.rmt411.server.tape.s3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A cartridge's manifest object: the cartridge's metadata (the sidecar's properties) plus the
 * list of segment objects that make up its image, in order, each with the number of its bytes
 * that belong to the image (a cut may end the image inside a segment). It is the only mutable
 * object of a cartridge and is written last, conditionally, so the image it names is always
 * whole: segments are immutable and uploaded before the manifest that lists them.
 */
final class Manifest {
    static final String SEGMENTS = "s3.segments";

    /** One segment object and how many of its bytes are the image's. */
    record Segment(String key, long start, long length) {
        long end() {
            return start + length;
        }
    }

    private Manifest() {
    }

    static Properties parse(byte[] data) throws IOException {
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(data));
        return p;
    }

    static byte[] render(Properties p, String barcode) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.store(out, "rmt411 cartridge " + barcode + " (manifest: metadata and segments)");
        return out.toByteArray();
    }

    /** The segments a manifest lists. */
    static List<Segment> segments(Properties p) throws IOException {
        List<Segment> segments = new ArrayList<>();
        String list = p.getProperty(SEGMENTS, "").trim();
        long start = 0;
        for (String entry : list.isEmpty() ? new String[0] : list.split(",")) {
            int colon = entry.lastIndexOf(':');
            try {
                long length = Long.parseLong(entry.substring(colon + 1));
                segments.add(new Segment(entry.substring(0, colon), start, length));
                start += length;
            } catch (RuntimeException e) {
                throw new IOException("bad segment entry in a manifest: " + entry, e);
            }
        }
        return segments;
    }

    static String encode(List<Segment> segments) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            sb.append(sb.length() == 0 ? "" : ",").append(s.key()).append(':').append(s.length());
        }
        return sb.toString();
    }

    /** Only the metadata of a manifest (what the sidecar reads). */
    static Properties metadata(Properties manifest) {
        Properties p = new Properties();
        manifest.stringPropertyNames().stream().filter(k -> !k.startsWith("s3."))
                .forEach(k -> p.setProperty(k, manifest.getProperty(k)));
        return p;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
