package org.rmt411.client.volume;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a volume starts with when it continues a member cut at the volume change, in the two
 * forms GNU tar 1.34 writes and reads ({@code buffer.c add_multi_volume_header}):
 *
 * <ul>
 *   <li>a GNU {@code 'M'} header, for names of up to 100 bytes;</li>
 *   <li>for longer names, the POSIX form GNU tar writes with {@code --format=posix}: a global
 *       PAX header ({@code 'g'}) with {@code GNU.volume.filename}, {@code GNU.volume.size} and
 *       {@code GNU.volume.offset}, then a member header {@code DIR/GNUFileParts/BASE.N}. GNU tar
 *       reading the client's POSIX archives compares the whole name, which an {@code 'M'} header
 *       cannot hold ({@code is not continued on this volume}), and finds it here.</li>
 * </ul>
 *
 * @param name the member's whole name
 * @param size bytes of it still to come
 * @param offset bytes of it already on earlier volumes
 */
record Continuation(String name, long size, long offset) {
    /** The header blocks for the start of {@code volume}. */
    byte[] blocks(int volume) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= TarHeaders.NAME_FIELD) {
            return TarHeaders.continuation(name, size, offset);
        }
        Map<String, String> global = new LinkedHashMap<>();
        global.put("GNU.volume.filename", name);
        global.put("GNU.volume.size", String.valueOf(size));
        global.put("GNU.volume.offset", String.valueOf(offset));
        int slash = name.lastIndexOf('/');
        String dir = slash >= 0 ? name.substring(0, slash) : ".";
        String part = dir + "/GNUFileParts/" + name.substring(slash + 1) + "." + volume;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        member(out, "GlobalHead.0." + volume, (byte) 'g', Pax.encode(global));
        member(out, dir + "/PaxHeaders/" + name.substring(slash + 1), (byte) 'x', Pax.encode(Map.of("path", part)));
        out.writeBytes(TarHeaders.posixHeader(part, (byte) '0', size));
        return out.toByteArray();
    }

    /** Reads the continuation out of a global PAX header's records, or null if it holds none. */
    static Continuation fromGlobal(Map<String, String> records) {
        String name = records.get("GNU.volume.filename");
        if (name == null) {
            return null;
        }
        try {
            return new Continuation(name, Long.parseLong(records.getOrDefault("GNU.volume.size", "-1")),
                    Long.parseLong(records.getOrDefault("GNU.volume.offset", "-1")));
        } catch (NumberFormatException e) {
            return new Continuation(name, -1, -1);
        }
    }

    /** Reads an {@code 'M'} header. */
    static Continuation fromMultivol(byte[] header) {
        return new Continuation(TarHeaders.name(header), TarHeaders.size(header), TarHeaders.offset(header));
    }

    private static void member(ByteArrayOutputStream out, String name, byte type, byte[] data) {
        out.writeBytes(TarHeaders.posixHeader(name, type, data.length));
        out.writeBytes(data);
        out.writeBytes(new byte[(TarHeaders.BLOCK - data.length % TarHeaders.BLOCK) % TarHeaders.BLOCK]);
    }
}
