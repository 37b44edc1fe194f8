package org.rmt411.server.access;

import java.util.Arrays;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.rmt411.server.transport.CidrSet;

/**
 * Whom a rule is about: everyone, a Unix login, peer networks, or a TLS client certificate by
 * its whole subject DN or its common name. Each kind reads one component of {@link Identity};
 * rules and policy know only this interface.
 */
public sealed interface Subject permits Subject.Anyone, Subject.Login, Subject.Network, Subject.Certificate {
    /** POSIX portable user names, plus a trailing {@code $} as Samba machine accounts have. */
    Pattern LOGIN = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]*\\$?");

    /** Whether {@code who} is this subject. */
    boolean matches(Identity who);

    /** The subject as written in the file. */
    String text();

    /**
     * {@code *}, {@code NAME} or {@code login:NAME}, {@code addr:CIDR[,CIDR...]},
     * {@code cn:NAME} or {@code dn:DN}.
     */
    static Subject parse(String word) {
        if (word.equals("*")) {
            return new Anyone();
        }
        int colon = word.indexOf(':');
        String kind = colon < 0 ? "" : word.substring(0, colon);
        String value = word.substring(colon + 1);
        if (colon >= 0 && value.isEmpty() && !kind.isEmpty()) {
            throw new IllegalArgumentException("'" + word + "': nothing after '" + kind + ":'");
        }
        switch (kind) {
            case "login":
                return login(word, value);
            case "addr":
                return Network.parse(word, value);
            case "cn":
                return new Certificate(false, value, word);
            case "dn":
                return Certificate.dn(word, value);
            default:
                if (colon >= 0) {
                    throw new IllegalArgumentException("'" + word + "' is not a login name, *, login:NAME,"
                            + " addr:CIDR, cn:NAME or dn:DN");
                }
                return login(word, word);
        }
    }

    private static Subject login(String word, String name) {
        if (!LOGIN.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + word + "' is not a login name, *, login:NAME,"
                    + " addr:CIDR, cn:NAME or dn:DN");
        }
        return new Login(name, word);
    }

    /** Every client. */
    record Anyone() implements Subject {
        @Override
        public boolean matches(Identity who) {
            return true;
        }

        @Override
        public String text() {
            return "*";
        }
    }

    /**
     * One Unix login, by name.
     *
     * @param text {@code NAME} or {@code login:NAME}, as written
     */
    record Login(String name, String text) implements Subject {
        /** The login {@code name}, written bare. */
        public Login(String name) {
            this(name, name);
        }

        @Override
        public boolean matches(Identity who) {
            return name.equals(who.login());
        }
    }

    /**
     * Peers in these networks. Only socket sessions have an address to match: a remote-shell
     * session's {@code SSH_CLIENT} is set in the user's own environment, so it never matches.
     */
    record Network(CidrSet networks, String text) implements Subject {
        static Network parse(String word, String value) {
            try {
                return new Network(new CidrSet(Arrays.asList(value.split(",", -1))), word);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + word + "': " + e.getMessage(), e);
            }
        }

        @Override
        public boolean matches(Identity who) {
            return who.address() != null && networks.contains(who.address());
        }
    }

    /**
     * A TLS client certificate: its whole subject DN (compared in RFC 2253 canonical form, so
     * spacing and attribute-name case do not matter) or one of its common names (exactly).
     *
     * @param wholeDn {@code dn:} rather than {@code cn:}
     * @param value the DN or the CN
     */
    record Certificate(boolean wholeDn, String value, String text) implements Subject {
        static Certificate dn(String word, String value) {
            try {
                return new Certificate(true, new X500Principal(value).getName(X500Principal.CANONICAL), word);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + word + "': not a distinguished name such as"
                        + " CN=backup,O=Example", e);
            }
        }

        @Override
        public boolean matches(Identity who) {
            if (who.tlsSubject() == null) {
                return false;
            }
            return wholeDn ? value.equals(CertificateNames.canonical(who.tlsSubject()))
                    : CertificateNames.commonNames(who.tlsSubject()).contains(value);
        }
    }
}
