package org.rmt411.server.tape.store;

import java.io.IOException;
import java.util.List;
import java.util.Properties;

/**
 * Where a library keeps its cartridges: for each barcode an image ({@link ImageStore}) and its
 * metadata (a small {@link Properties} set, the sidecar). A cartridge exists once its metadata
 * does; the image of a cartridge being created or imported is written first and stays invisible
 * until then, so a crash in between leaves no half cartridge in the magazine.
 */
public interface CartridgeStore {
    /** Where the library is, as the operator names it (a folder, a bucket URL), for messages. */
    String location();

    /** True when the library exists at all (a folder that was never made has no cartridges). */
    boolean exists() throws IOException;

    /** Every cartridge's barcode, sorted. */
    List<String> barcodes() throws IOException;

    /** True when {@code barcode} has metadata. */
    boolean contains(String barcode) throws IOException;

    /**
     * The metadata of {@code barcode}.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such cartridge
     */
    Properties readMetadata(String barcode) throws IOException;

    /** Replaces the metadata of {@code barcode} atomically: a crash leaves the old or the new. */
    void writeMetadata(String barcode, Properties metadata) throws IOException;

    /**
     * Makes a new, empty image for {@code barcode} (replacing a leftover one that has no
     * metadata) and returns it open for writing.
     */
    ImageStore createImage(String barcode) throws IOException;

    /** Opens the image of {@code barcode}; {@code writable} creates it when it is missing. */
    ImageStore openImage(String barcode, boolean writable) throws IOException;

    /** Removes the image and metadata of {@code barcode} (an import that failed). */
    void delete(String barcode) throws IOException;
}
