package org.rmt411.server.access;

import java.util.ArrayList;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/** Reads a certificate subject as the TLS layer reports it (RFC 2253 or the JDK's RFC 1779 form). */
final class CertificateNames {
    private CertificateNames() {
    }

    /** The canonical RFC 2253 form, or {@code ""} for a name that does not parse (it matches no rule). */
    static String canonical(String subject) {
        try {
            return new X500Principal(subject).getName(X500Principal.CANONICAL);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Every {@code CN} value of {@code subject}, unescaped; none when it does not parse. */
    static List<String> commonNames(String subject) {
        List<String> names = new ArrayList<>();
        try {
            String rfc2253 = new X500Principal(subject).getName(X500Principal.RFC2253);
            for (Rdn rdn : new LdapName(rfc2253).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    names.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (IllegalArgumentException | InvalidNameException e) {
            return List.of();
        }
        return names;
    }
}
