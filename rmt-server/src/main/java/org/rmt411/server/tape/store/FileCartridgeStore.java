package org.rmt411.server.tape.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Cartridges as files in one folder: {@code BARCODE.tap} (the SIMH image, which any SIMH tool
 * reads as it is) and {@code BARCODE.properties} (the metadata, readable by an operator).
 */
public final class FileCartridgeStore implements CartridgeStore {
    private static final String IMAGE = ".tap";
    private static final String METADATA = ".properties";

    private final Path folder;

    /** The store in {@code folder}, which is created by the first cartridge. */
    public FileCartridgeStore(Path folder) {
        this.folder = folder;
    }

    /** The image file of {@code barcode} (for tests and tools that look at the file itself). */
    public Path imagePath(String barcode) {
        return folder.resolve(barcode + IMAGE);
    }

    /** The metadata file of {@code barcode}. */
    public Path metadataPath(String barcode) {
        return folder.resolve(barcode + METADATA);
    }

    @Override
    public String location() {
        return folder.toString();
    }

    @Override
    public boolean exists() {
        return Files.isDirectory(folder);
    }

    @Override
    public List<String> barcodes() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(METADATA))
                    .map(n -> n.substring(0, n.length() - METADATA.length()))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public boolean contains(String barcode) {
        return Files.exists(metadataPath(barcode));
    }

    @Override
    public Properties readMetadata(String barcode) throws IOException {
        Path path = metadataPath(barcode);
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such cartridge");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            p.load(in);
        }
        return p;
    }

    /**
     * Replaces the file atomically (write a temporary file, force it, rename), so a crash leaves
     * either the old or the new metadata, never half of it.
     */
    @Override
    public void writeMetadata(String barcode, Properties metadata) throws IOException {
        Files.createDirectories(folder);
        Path path = metadataPath(barcode);
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            metadata.store(out, "rmt411 cartridge " + barcode + " (the mark index is a cache of the .tap image)");
            out.flush();
            channel.force(true);
        }
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public ImageStore createImage(String barcode) throws IOException {
        Files.createDirectories(folder);
        Files.deleteIfExists(imagePath(barcode));
        return FileImageStore.open(imagePath(barcode), true);
    }

    @Override
    public ImageStore openImage(String barcode, boolean writable) throws IOException {
        return FileImageStore.open(imagePath(barcode), writable);
    }

    @Override
    public void delete(String barcode) throws IOException {
        Files.deleteIfExists(metadataPath(barcode));
        Files.deleteIfExists(imagePath(barcode));
    }
}
