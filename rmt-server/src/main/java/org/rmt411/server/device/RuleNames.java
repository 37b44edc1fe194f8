package org.rmt411.server.device;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The names the access rules judge for one device name: the name made absolute with
 * {@code .} and {@code ..} folded, and, when links lead elsewhere, where they lead. Both must
 * be allowed, so neither {@code /backups/../etc/shadow} nor a link {@code /backups/l -> /etc}
 * gets past a rule about {@code /backups/**}. Under a root, names are the client's view:
 * {@code /x} is {@code ROOT/x}.
 */
public final class RuleNames {
    private final Path base;
    private final Path realRoot;

    private RuleNames(Path base, Path realRoot) {
        this.base = base;
        this.realRoot = realRoot;
    }

    /** Names on the host, relative ones against {@code cwd}. */
    public static RuleNames host(Path cwd) {
        return new RuleNames(cwd.toAbsolutePath(), null);
    }

    /** Names inside {@code root}, which must exist. */
    public static RuleNames jailed(Path root) throws IOException {
        return new RuleNames(null, root.toRealPath());
    }

    /** The lexical name, then the real one when it differs. */
    public List<String> of(String name) {
        List<String> names = new ArrayList<>(2);
        if (realRoot == null) {
            Path lexical = base.resolve(name).normalize();
            names.add(lexical.toString());
            real(lexical).map(Path::toString).filter(r -> !r.equals(names.get(0))).ifPresent(names::add);
        } else {
            Path lexical = Path.of("/").resolve(name).normalize();
            names.add(lexical.toString());
            real(realRoot.resolve(Path.of("/").relativize(lexical)))
                    .filter(r -> r.startsWith(realRoot))
                    .map(r -> Path.of("/").resolve(realRoot.relativize(r)).toString())
                    .filter(r -> !r.equals(names.get(0))).ifPresent(names::add);
        }
        return names;
    }

    /** Where {@code path} really is: links resolved, for a missing file those of its folder. */
    static Optional<Path> real(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            Path parent = path.getParent();
            if (parent == null || path.getFileName() == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(parent.toRealPath().resolve(path.getFileName()));
            } catch (IOException again) {
                return Optional.empty();
            }
        }
    }
}
