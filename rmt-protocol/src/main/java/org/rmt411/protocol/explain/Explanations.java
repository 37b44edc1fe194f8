package org.rmt411.protocol.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.RmtRequest;
import org.rmt411.protocol.SeekOrder;
import org.rmt411.protocol.SeekResolver;

/**
 * Every sentence the teaching aids say about a request: what it asks, which historical clients
 * send it this way, how an {@code L} was read. The server's {@code --trace=verbose}, the
 * client's {@code --trace=verbose} and the console all read them from here, so the three never
 * tell a student different stories. Tape positions and errnos are in {@link TapeRules}.
 */
public final class Explanations {
    /** What each command letter asks, and who sends it in this form (docs/protocol.md). */
    private static final Map<Character, String[]> LETTERS = Map.ofEntries(
            Map.entry('O', new String[] {"open a device or file on the server",
                "every client; symbolic flags (O_RDWR|O_CREAT) after the number are GNU tar's and cpio's"}),
            Map.entry('C', new String[] {"close the open device (a tape drive writes a filemark if the last "
                + "thing done was a write)", "every client; GNU rmt exits after it, rmt411 and dump's rmt go on"}),
            Map.entry('L', new String[] {"move the file offset (lseek)",
                "GNU tar -r/--seek, cpio, dump's restore, star; the argument order differs, see the next line"}),
            Map.entry('R', new String[] {"read one record of up to this many bytes; the reply says how many came",
                "every client: tar reads one record per R (10240 bytes by default)"}),
            Map.entry('W', new String[] {"write one record of exactly this many bytes, which follow at once",
                "every client: tar writes one record per W (10240 bytes by default)"}),
            Map.entry('I', new String[] {"a tape operation (MTIOCTOP ioctl) repeated count times",
                "GNU mt and tar with Linux op numbers; star, dump and Solaris after I-1 with RMT V1 numbers"}),
            Map.entry('i', new String[] {"an RMT V1 extended tape operation (2 RETEN, 3 ERASE, 4 EOM)",
                "star and dump's rmt client after the I-1 handshake"}),
            Map.entry('S', new String[] {"the drive status (MTIOCGET): the raw struct mtget follows the reply",
                "GNU mt and tar since 2024 end it with a newline; dump, BSD and GNU mt before 2024 send it bare"}),
            Map.entry('s', new String[] {"one field of the drive status as a number (RMT V1)",
                "star and dump's rmt client, one request per field"}),
            Map.entry('v', new String[] {"the server's protocol version (Schily's form, answered 1)", "star"}),
            Map.entry('V', new String[] {"the server's protocol version (FreeBSD's and dump's form, answered 2)",
                "dump's rmt client, FreeBSD"}));

    private static final Map<SeekResolver.Rule, String> SEEK_RULES = Map.of(
            SeekResolver.Rule.CONFIGURED, "the server's --seek-order fixes the order; the values were not looked at",
            SeekResolver.Rule.SYMBOLIC, "rule 1: a symbolic whence (SET, SEEK_CUR, ...) marks its line; only GNU "
                    + "tar >= 1.35 sends names",
            SeekResolver.Rule.RANGE, "rule 2: a value outside 0..2 can only be the offset",
            SeekResolver.Rule.ONE_NON_ZERO, "rule 3: both lines in 0..2 and only one non-zero: that one is the "
                    + "whence and the offset is 0 (a \"tell\" or \"seek to end\" reads the same both ways)",
            SeekResolver.Rule.REMEMBERED, "rule 4: ambiguous; read in the order this session showed earlier",
            SeekResolver.Rule.DEFAULT, "rule 4: ambiguous and no order shown yet: offset first, the order of "
                    + "every client but GNU tar >= 1.35");

    private static final String[] WHENCE = {"SEEK_SET (from the start)", "SEEK_CUR (from here)",
        "SEEK_END (from the end)"};

    private Explanations() {
    }

    /** What {@code request} asks, and who sends it this way: one or two lines. */
    public static List<String> request(RmtRequest request) {
        List<String> lines = new ArrayList<>();
        if (request instanceof RmtRequest.Rejected) {
            RmtRequest.Rejected rejected = (RmtRequest.Rejected) request;
            lines.add("not a request: " + rejected.text() + (rejected.fatal()
                    ? "; the byte stream cannot be resynchronised, so the connection closes (as GNU rmt does)"
                    : "; the session goes on"));
            return lines;
        }
        String[] text = LETTERS.get(letter(request));
        lines.add("asks: " + text[0] + detail(request));
        lines.add("sent this way by: " + text[1]);
        return lines;
    }

    /**
     * The one-line form of a request that {@code --trace} prints: command and arguments, never
     * payload bytes ({@code W 10240}, {@code L 0 / 1}, {@code O /dev/nst0 flags 2}).
     */
    public static String line(RmtRequest request) {
        if (request instanceof RmtRequest.Open) {
            RmtRequest.Open open = (RmtRequest.Open) request;
            return "O " + open.device() + " flags " + open.flags();
        } else if (request instanceof RmtRequest.Seek) {
            RmtRequest.Seek seek = (RmtRequest.Seek) request;
            return "L " + seek.first() + " / " + seek.second();
        } else if (request instanceof RmtRequest.Read) {
            return "R " + ((RmtRequest.Read) request).count();
        } else if (request instanceof RmtRequest.Write) {
            return "W " + ((RmtRequest.Write) request).count();
        } else if (request instanceof RmtRequest.Ioctl) {
            RmtRequest.Ioctl ioctl = (RmtRequest.Ioctl) request;
            return "I " + ioctl.op() + " " + ioctl.count();
        } else if (request instanceof RmtRequest.ExtendedIoctl) {
            RmtRequest.ExtendedIoctl ext = (RmtRequest.ExtendedIoctl) request;
            return "i " + ext.op() + " " + ext.count();
        } else if (request instanceof RmtRequest.StatusField) {
            return "s" + ((RmtRequest.StatusField) request).field();
        } else if (request instanceof RmtRequest.Version) {
            RmtRequest.Version version = (RmtRequest.Version) request;
            return version.letter() + " " + version.argument();
        } else if (request instanceof RmtRequest.Rejected) {
            return "rejected: " + ((RmtRequest.Rejected) request).text();
        }
        return String.valueOf(letter(request)); // C and S: the letter says it all
    }

    /** The command letter of a request. */
    public static char letter(RmtRequest request) {
        if (request instanceof RmtRequest.Open) return 'O';
        if (request instanceof RmtRequest.Close) return 'C';
        if (request instanceof RmtRequest.Seek) return 'L';
        if (request instanceof RmtRequest.Read) return 'R';
        if (request instanceof RmtRequest.Write) return 'W';
        if (request instanceof RmtRequest.Ioctl) return 'I';
        if (request instanceof RmtRequest.ExtendedIoctl) return 'i';
        if (request instanceof RmtRequest.Status) return 'S';
        if (request instanceof RmtRequest.StatusField) return 's';
        if (request instanceof RmtRequest.Version) return ((RmtRequest.Version) request).letter();
        return '?';
    }

    private static String detail(RmtRequest request) {
        if (request instanceof RmtRequest.Open) {
            return " (" + flags(((RmtRequest.Open) request).flags()) + ")";
        }
        if (request instanceof RmtRequest.Ioctl) {
            RmtRequest.Ioctl ioctl = (RmtRequest.Ioctl) request;
            return ioctl.isVersionHandshake()
                    ? ": I-1 is the RMT V1 handshake; from now on ops 0..7 are the portable numbers"
                    : ": op " + ioctl.op() + ", count " + ioctl.count();
        }
        if (request instanceof RmtRequest.ExtendedIoctl) {
            RmtRequest.ExtendedIoctl ext = (RmtRequest.ExtendedIoctl) request;
            int op = MtOp.fromExtended(ext.op());
            return ": " + (op < 0 ? "op " + ext.op() + " has no Linux meaning" : TapeRules.opName(op));
        }
        return "";
    }

    /** The flags line in words: "O_RDWR|O_CREAT", or why it is invalid. */
    public static String flags(String flagsLine) {
        try {
            return describe(OpenFlags.parse(flagsLine));
        } catch (IllegalArgumentException e) {
            return "flags \"" + flagsLine + "\" are invalid: " + OpenFlags.INVALID_TEXT;
        }
    }

    /** Linux open flags in words: the access mode, then the creation flags that are set. */
    public static String describe(int flags) {
        StringBuilder text = new StringBuilder(
                new String[] {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"}[flags & OpenFlags.O_ACCMODE]);
        int[] bits = {OpenFlags.O_CREAT, OpenFlags.O_EXCL, OpenFlags.O_TRUNC, OpenFlags.O_APPEND};
        String[] names = {"O_CREAT", "O_EXCL", "O_TRUNC", "O_APPEND"};
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                text.append('|').append(names[i]);
            }
        }
        return text.toString();
    }

    /** How an {@code L} was read: which line was the offset, the whence in words, and the rule. */
    public static String seek(RmtRequest.Seek seek, SeekResolver.Resolved resolved, SeekResolver.Rule rule,
            SeekOrder order) {
        String reading;
        if (order == SeekOrder.WHENCE_FIRST) {
            reading = "whence first (GNU rmt >= 1.23 and GNU tar >= 1.35, the man pages' order)";
        } else if (order == SeekOrder.OFFSET_FIRST) {
            reading = "offset first (BSD, dump, star, cpio, GNU tar <= 1.34)";
        } else {
            reading = "either order";
        }
        return "read as offset " + resolved.offset() + ", " + WHENCE[resolved.whence()] + ": " + reading
                + "; " + SEEK_RULES.get(rule);
    }

    /** Why an {@code L} is refused with EINVAL: almost always the two lines read the other way. */
    public static String seekRefused() {
        return "the server read the two L lines in the other order: GNU rmt >= 1.23 reads the whence first, "
                + "BSD, dump and rmt411 read the offset first unless it cannot be one";
    }

    /** An error reply in words: "EIO (5, Input/output error)"; unknown numbers keep the server's text. */
    public static String errno(int number, String text) {
        for (Errno e : Errno.values()) {
            if (e.number() == number) {
                return e.name() + " (" + number + ", " + e.text() + ")";
            }
        }
        return "errno " + number + " (" + text + ")";
    }
}
