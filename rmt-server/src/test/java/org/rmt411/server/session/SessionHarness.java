package org.rmt411.server.session;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rmt411.protocol.TrickleInputStream;
import org.rmt411.server.device.DeviceNamespace;
import org.rmt411.server.device.DeviceProvider;
import org.rmt411.server.device.FileProvider;
import org.rmt411.server.device.RootJail;

/** Runs scripted request bytes through a session over an in-memory root and returns the reply bytes. */
final class SessionHarness implements AutoCloseable {
    static final Configuration UNIX = Configuration.unix().toBuilder()
            .setAttributeViews("basic", "owner", "posix", "unix").build();

    final FileSystem fs = Jimfs.newFileSystem(UNIX);
    final Path root;
    private final List<DeviceProvider> extraProviders = new ArrayList<>();
    private SessionOptions options = SessionOptions.defaults();
    private boolean readOnly;
    private boolean trickle = true;
    private String reserved;

    SessionHarness() throws IOException {
        root = Files.createDirectories(fs.getPath("/srv/rmt"));
    }

    SessionHarness options(SessionOptions newOptions) {
        this.options = newOptions;
        return this;
    }

    SessionHarness readOnly() {
        this.readOnly = true;
        return this;
    }

    SessionHarness reserve(String folder) {
        this.reserved = folder;
        return this;
    }

    SessionHarness whole() {
        this.trickle = false;
        return this;
    }

    SessionHarness provider(DeviceProvider provider) {
        extraProviders.add(provider);
        return this;
    }

    /** A file under the root with the given content. */
    Path file(String name, String content) throws IOException {
        Path path = root.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.write(path, content.getBytes(ISO_8859_1));
    }

    String content(String name) throws IOException {
        return new String(Files.readAllBytes(root.resolve(name)), ISO_8859_1);
    }

    /** Runs {@code requests} (ISO-8859-1) to the end and returns every reply byte. */
    String run(String requests) throws IOException {
        return new String(run(requests.getBytes(ISO_8859_1)), ISO_8859_1);
    }

    byte[] run(byte[] requests) throws IOException {
        List<DeviceProvider> providers = new ArrayList<>(extraProviders);
        RootJail jail = new RootJail(root);
        providers.add(reserved == null ? new FileProvider(jail) : new FileProvider(jail, reserved));
        DeviceNamespace namespace = new DeviceNamespace(providers, readOnly);
        InputStream in = trickle ? new TrickleInputStream(requests, requests.length) : new java.io.ByteArrayInputStream(requests);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RmtSession(java.nio.channels.Channels.newChannel(in), java.nio.channels.Channels.newChannel(out),
                namespace, options, new Peer("test", "test")).run();
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
