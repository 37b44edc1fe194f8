package org.rmt411.client.volume;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** PAX extended-header records ({@code "LEN key=value\n"}, LEN counting the whole record in bytes). */
final class Pax {
    private Pax() {
    }

    /** The records in {@code data}; parsing stops at the first malformed one. */
    static Map<String, String> parse(byte[] data, int length) {
        Map<String, String> records = new LinkedHashMap<>();
        int at = 0;
        while (at < length) {
            int space = at;
            int len = 0;
            while (space < length && data[space] >= '0' && data[space] <= '9' && len < 100_000_000) {
                len = len * 10 + (data[space++] - '0');
            }
            if (space == at || space >= length || data[space] != ' ' || len <= space - at || at + len > length
                    || data[at + len - 1] != '\n') {
                break;
            }
            String record = new String(data, space + 1, at + len - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                records.put(record.substring(0, eq), record.substring(eq + 1));
            }
            at += len;
        }
        return records;
    }

    /** The records encoded, in the map's order. */
    static byte[] encode(Map<String, String> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : records.entrySet()) {
            byte[] body = (" " + e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8);
            int len = body.length + 1;
            while (String.valueOf(len).length() + body.length != len) {
                len = String.valueOf(len).length() + body.length;
            }
            out.writeBytes(String.valueOf(len).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
