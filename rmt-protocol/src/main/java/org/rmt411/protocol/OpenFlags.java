package org.rmt411.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Open flags as Linux numbers, and their parsing from every form clients send.
 *
 * <p>Accepted, each for the client that sends it:
 * <ul>
 *   <li>plain decimal, Linux values ({@code 0}, {@code 577}): BSD-lineage clients, xfsdump;
 *   <li>GNU's combined form {@code 577 O_WRONLY|O_CREAT|O_TRUNC}, where the symbolic part wins
 *       because the number is in the client's OS numbering (GNU tar, cpio, mt, dump);
 *   <li>a {@code |} list of keywords with or without {@code O_} and of decimal numbers, such as
 *       {@code CREAT|RDWR} or the rmt(8) man page's own {@code 64|512}, which GNU rmt rejects.
 * </ul>
 * Keywords are case-sensitive, as in GNU rmt; blanks around tokens and a trailing {@code |} are
 * tolerated.
 */
public final class OpenFlags {
    /** GNU rmt's text for flags it cannot decode. */
    public static final String INVALID_TEXT = "invalid open mode";

    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_ACCMODE = 3;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_NOCTTY = 0400;
    public static final int O_TRUNC = 01000;
    public static final int O_APPEND = 02000;
    public static final int O_NONBLOCK = 04000;
    public static final int O_DSYNC = 010000;
    public static final int O_ASYNC = 020000;
    public static final int O_LARGEFILE = 0;
    public static final int O_SYNC = 04010000;

    private static final Map<String, Integer> KEYWORDS = new LinkedHashMap<>();

    static {
        // Order matters for toSymbolic(): the access mode first, as GNU clients write it.
        KEYWORDS.put("RDONLY", O_RDONLY);
        KEYWORDS.put("WRONLY", O_WRONLY);
        KEYWORDS.put("RDWR", O_RDWR);
        KEYWORDS.put("CREAT", O_CREAT);
        KEYWORDS.put("EXCL", O_EXCL);
        KEYWORDS.put("NOCTTY", O_NOCTTY);
        KEYWORDS.put("TRUNC", O_TRUNC);
        KEYWORDS.put("APPEND", O_APPEND);
        KEYWORDS.put("NONBLOCK", O_NONBLOCK);
        KEYWORDS.put("NDELAY", O_NONBLOCK); // dump's rmtflags table
        KEYWORDS.put("DSYNC", O_DSYNC);
        KEYWORDS.put("RSYNC", O_SYNC);
        KEYWORDS.put("SYNC", O_SYNC);
        KEYWORDS.put("FSYNC", O_SYNC); // dump's rmtflags table
        KEYWORDS.put("ASYNC", O_ASYNC); // dump's rmtflags table
        KEYWORDS.put("LARGEFILE", O_LARGEFILE);
    }

    private OpenFlags() {
    }

    /**
     * Parses a flags line.
     *
     * @return the Linux flag bits
     * @throws IllegalArgumentException if the line is empty, has an unknown token or names an
     *     impossible access mode
     */
    public static int parse(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty open flags");
        }
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        String list = text;
        // GNU's "<number> <symbolic>": the symbolic part is authoritative, the number is in the
        // client's OS numbering and only there for old servers.
        if (digits > 0 && digits < text.length() && Character.isWhitespace(text.charAt(digits))) {
            list = text.substring(digits).strip();
        }
        int flags = parseList(list);
        if ((flags & O_ACCMODE) == O_ACCMODE) {
            throw new IllegalArgumentException("impossible access mode in " + line);
        }
        return flags;
    }

    private static int parseList(String list) {
        String[] tokens = list.split("\\|", -1);
        int flags = 0;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].strip();
            if (token.isEmpty() && i == tokens.length - 1 && i > 0) {
                break; // trailing '|', which GNU rmt tolerates
            }
            flags |= parseToken(token);
        }
        return flags;
    }

    private static int parseToken(String token) {
        if (!token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (token.length() > 10 || Long.parseLong(token) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("open flag out of range: " + token);
            }
            return Integer.parseInt(token);
        }
        String name = token.startsWith("O_") ? token.substring(2) : token;
        Integer value = KEYWORDS.get(name);
        if (value == null) {
            throw new IllegalArgumentException("unknown open flag: " + token);
        }
        return value;
    }

    /** The access mode bits: {@link #O_RDONLY}, {@link #O_WRONLY} or {@link #O_RDWR}. */
    public static int accessMode(int flags) {
        return flags & O_ACCMODE;
    }

    /** True when the flags ask for writing, creating or truncating. */
    public static boolean wantsWrite(int flags) {
        return accessMode(flags) != O_RDONLY || (flags & (O_CREAT | O_TRUNC | O_APPEND)) != 0;
    }

    /**
     * The line GNU clients send for {@code flags}: {@code "<decimal> <SYMBOLIC>"}, e.g.
     * {@code 577 O_WRONLY|O_CREAT|O_TRUNC}. Every server family reads this form.
     */
    public static String toWire(int flags) {
        StringBuilder sb = new StringBuilder().append(flags).append(' ');
        int mode = accessMode(flags);
        sb.append(mode == O_WRONLY ? "O_WRONLY" : mode == O_RDWR ? "O_RDWR" : "O_RDONLY");
        String[] names = {"CREAT", "EXCL", "NOCTTY", "TRUNC", "APPEND", "NONBLOCK", "DSYNC", "SYNC"};
        for (String name : names) {
            int bit = KEYWORDS.get(name);
            if ((flags & bit) == bit && (!name.equals("DSYNC") || (flags & O_SYNC) != O_SYNC)) {
                sb.append("|O_").append(name);
            }
        }
        return sb.toString();
    }
}
