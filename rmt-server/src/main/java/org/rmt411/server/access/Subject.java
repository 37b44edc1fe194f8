package org.rmt411.server.access;

import java.util.regex.Pattern;

/**
 * Whom a rule is about. Matching stays behind this one small interface so that a new kind of
 * subject (a certificate name, a peer network) is one more record here and one more case in
 * {@link #parse}, with no change to rules, policy or sessions.
 */
public sealed interface Subject permits Subject.Anyone, Subject.Login {
    /** POSIX portable user names, plus a trailing {@code $} as Samba machine accounts have. */
    Pattern LOGIN = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]*\\$?");

    /** Whether {@code who} is this subject. */
    boolean matches(Identity who);

    /** The subject as written in the file. */
    String text();

    /** {@code *} (every login) or a login name. */
    static Subject parse(String word) {
        if (word.equals("*")) {
            return new Anyone();
        }
        if (!LOGIN.matcher(word).matches()) {
            throw new IllegalArgumentException("'" + word + "' is not a login name or *");
        }
        return new Login(word);
    }

    /** Every login. */
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

    /** One Unix login, by name. */
    record Login(String name) implements Subject {
        @Override
        public boolean matches(Identity who) {
            return name.equals(who.login());
        }

        @Override
        public String text() {
            return name;
        }
    }
}
