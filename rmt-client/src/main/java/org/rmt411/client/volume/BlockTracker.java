package org.rmt411.client.volume;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Follows a tar stream block by block and knows, before each block, whether it is a header or
 * data and, for a regular member's data, the member's name, size and how much of it came before:
 * what a GNU {@code 'M'} header at a volume change must say, and what a reader checks it against.
 * PAX ({@code x}) and GNU long-name ({@code L}) records are read for the real name and size.
 */
final class BlockTracker {
    /** Extended records bigger than this are not kept (their names are then not known). */
    private static final int MAX_EXTENDED = 1 << 20;

    private long blocksLeft;
    private String name = "";
    private long size;
    private long done;
    private boolean fileData;
    private boolean ended;
    private ByteArrayOutputStream extended;
    private byte extendedType;
    private String nextName;
    private long nextSize = -1;

    /** Takes in the next 512-byte block of the archive. */
    void accept(byte[] block) {
        if (blocksLeft > 0) {
            data(block);
        } else if (!ended) {
            header(block);
        }
    }

    /** True when the next block is data of a regular member, which a volume change must continue. */
    boolean inFileData() {
        return blocksLeft > 0 && fileData;
    }

    /** True when the next block is data of any kind (member content or an extended record). */
    boolean inData() {
        return blocksLeft > 0;
    }

    /** True after the end-of-archive block. */
    boolean ended() {
        return ended;
    }

    String name() {
        return name;
    }

    long size() {
        return size;
    }

    /** Bytes of the member's data before the next block. */
    long done() {
        return done;
    }

    private void data(byte[] block) {
        blocksLeft--;
        int length = (int) Math.min(TarHeaders.BLOCK, size - done);
        done += length;
        if (extended != null && extended.size() + length <= MAX_EXTENDED) {
            extended.write(block, 0, length);
        }
        if (blocksLeft == 0 && extended != null) {
            readExtended();
        }
    }

    private void header(byte[] block) {
        if (TarHeaders.isZero(block)) {
            ended = true;
            return;
        }
        byte type = TarHeaders.type(block);
        long headerSize = TarHeaders.size(block);
        boolean extendedRecord = type == 'x' || type == 'L';
        name = nextName != null && !extendedRecord ? nextName : TarHeaders.name(block);
        size = nextSize >= 0 && !extendedRecord ? nextSize : Math.max(0, headerSize);
        if (!extendedRecord) {
            nextName = null;
            nextSize = -1;
        }
        done = 0;
        fileData = type == '0' || type == 0 || type == '7';
        boolean hasData = fileData || extendedRecord || type == 'g' || type == 'K' || type == 'D' || type == 'S'
                || (type >= 'A' && type <= 'Z' && type != TarHeaders.VOLHDR && type != TarHeaders.MULTIVOL);
        blocksLeft = hasData ? (size + TarHeaders.BLOCK - 1) / TarHeaders.BLOCK : 0;
        extended = extendedRecord && blocksLeft > 0 ? new ByteArrayOutputStream() : null;
        extendedType = type;
    }

    private void readExtended() {
        byte[] data = extended.toByteArray();
        extended = null;
        if (extendedType == 'L') {
            String text = new String(data, StandardCharsets.UTF_8);
            int nul = text.indexOf('\0');
            nextName = nul >= 0 ? text.substring(0, nul) : text;
            return;
        }
        Map<String, String> records = Pax.parse(data, data.length);
        if (records.containsKey("path")) {
            nextName = records.get("path");
        }
        if (records.containsKey("size")) {
            try {
                nextSize = Long.parseLong(records.get("size"));
            } catch (NumberFormatException e) {
                nextSize = -1;
            }
        }
    }
}
