package org.rmt411.client.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.SeekOrder;

/**
 * The friendly commands and the bytes each one sends. Tape operations go out as {@code I} with
 * Linux op numbers, as GNU mt sends them; {@code seek} writes its two lines in the order the
 * console was told (--seek-order), because GNU rmt reads them the other way round from BSD.
 */
final class Commands {
    /** Tape command → Linux MTIOCTOP op. */
    static final Map<String, Integer> TAPE_OPS = new LinkedHashMap<>();
    /** Every command with its usage, as {@code help} prints it and completion offers it. */
    static final Map<String, String> USAGE = new LinkedHashMap<>();

    static {
        TAPE_OPS.put("weof", MtOp.MTWEOF);
        TAPE_OPS.put("fsf", MtOp.MTFSF);
        TAPE_OPS.put("bsf", MtOp.MTBSF);
        TAPE_OPS.put("fsr", MtOp.MTFSR);
        TAPE_OPS.put("bsr", MtOp.MTBSR);
        TAPE_OPS.put("fsfm", MtOp.MTFSFM);
        TAPE_OPS.put("bsfm", MtOp.MTBSFM);
        TAPE_OPS.put("eom", MtOp.MTEOM);
        TAPE_OPS.put("rewind", MtOp.MTREW);
        TAPE_OPS.put("offline", MtOp.MTOFFL);
        TAPE_OPS.put("nop", MtOp.MTNOP);
        usage("open", "open DEVICE [ro|wo|rw] [create] [trunc] [append]", "O: open a device or file");
        usage("write", "write COUNT random|zero|\"text\"|@FILE", "W: write one record");
        usage("read", "read COUNT", "R: read one record");
        usage("seek", "seek OFFSET set|cur|end", "L: move the file offset");
        usage("status", "status [bare]", "S: drive status, decoded");
        usage("close", "close", "C: close the device");
        usage("version", "version", "V: protocol version");
        for (String op : TAPE_OPS.keySet()) {
            usage(op, op + " [COUNT]", "I: tape operation");
        }
        usage("raw", "raw \"BYTES\"", "any bytes, C escapes");
        usage("help", "help", "this list");
        usage("quit", "quit", "end the console");
    }

    private static void usage(String name, String synopsis, String what) {
        USAGE.put(name, String.format("%-50s %s", synopsis, what));
    }

    private final SeekOrder seekOrder;
    private final Random random = new Random();

    Commands(SeekOrder seekOrder) {
        this.seekOrder = seekOrder;
    }

    /**
     * The step for a friendly command.
     *
     * @throws IllegalArgumentException one line naming the bad word and why
     */
    Step parse(List<String> words) throws IOException {
        String name = words.get(0).toLowerCase(Locale.ROOT);
        List<String> args = words.subList(1, words.size());
        if (TAPE_OPS.containsKey(name)) {
            int count = args.isEmpty() ? 1 : (int) number(args.get(0), "count");
            return step(Step.Kind.IOCTL, "I" + TAPE_OPS.get(name) + "\n" + count + "\n", TAPE_OPS.get(name), name);
        }
        return switch (name) {
            case "open" -> open(args);
            case "write" -> write(args);
            case "read" -> step(Step.Kind.READ, "R" + number(one(args, "read COUNT"), "count") + "\n", -1, "");
            case "seek" -> seek(args);
            case "status" -> step(Step.Kind.STATUS, args.contains("bare") ? "S" : "S\n", -1, "");
            case "close" -> step(Step.Kind.CLOSE, "C\n", -1, "");
            case "version" -> step(Step.Kind.VERSION, "V0\n", -1, "");
            default -> throw new IllegalArgumentException("unknown command '" + words.get(0) + "' (try help)");
        };
    }

    private Step open(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("open needs a device: open DEVICE [ro|wo|rw]");
        }
        int flags = OpenFlags.O_RDONLY;
        for (String word : args.subList(1, args.size())) {
            flags |= switch (word.toLowerCase(Locale.ROOT)) {
                case "ro" -> OpenFlags.O_RDONLY;
                case "wo" -> OpenFlags.O_WRONLY;
                case "rw" -> OpenFlags.O_RDWR;
                case "create" -> OpenFlags.O_CREAT;
                case "trunc" -> OpenFlags.O_TRUNC;
                case "append" -> OpenFlags.O_APPEND;
                default -> throw new IllegalArgumentException("unknown open mode '" + word
                        + "': ro, wo, rw, create, trunc, append");
            };
        }
        String device = Words.quoted(args.get(0))
                ? new String(Words.unquote(args.get(0)), StandardCharsets.UTF_8) : args.get(0);
        return step(Step.Kind.OPEN, "O" + device + "\n" + flags + "\n", -1, device);
    }

    private Step write(List<String> args) throws IOException {
        if (args.size() == 1 && Words.quoted(args.get(0))) {
            byte[] text = Words.unquote(args.get(0));
            return new Step(Step.Kind.WRITE, ascii("W" + text.length + "\n"), text, -1, "");
        }
        if (args.size() != 2) {
            throw new IllegalArgumentException("write COUNT random|zero|\"text\"|@FILE");
        }
        int count = (int) number(args.get(0), "count");
        String what = args.get(1);
        byte[] data = new byte[count];
        if (what.equals("random")) {
            random.nextBytes(data);
        } else if (Words.quoted(what) || what.startsWith("@")) {
            byte[] source = what.startsWith("@") ? Files.readAllBytes(Path.of(what.substring(1))) : Words.unquote(what);
            // The record is COUNT bytes whatever the source: cut, or padded with NULs as tar pads.
            System.arraycopy(source, 0, data, 0, Math.min(count, source.length));
        } else if (!what.equals("zero")) {
            throw new IllegalArgumentException("unknown data '" + what + "': random, zero, \"text\" or @FILE");
        }
        return new Step(Step.Kind.WRITE, ascii("W" + count + "\n"), data, -1, "");
    }

    private Step seek(List<String> args) {
        if (args.size() != 2) {
            throw new IllegalArgumentException("seek OFFSET set|cur|end");
        }
        long offset = Long.parseLong(args.get(0).matches("-?[0-9]+") ? args.get(0) : bad(args.get(0), "offset"));
        int whence = Arrays.asList("set", "cur", "end").indexOf(args.get(1).toLowerCase(Locale.ROOT));
        if (whence < 0) {
            throw new IllegalArgumentException("unknown whence '" + args.get(1) + "': set, cur or end");
        }
        String lines = seekOrder == SeekOrder.WHENCE_FIRST ? whence + "\n" + offset + "\n" : offset + "\n" + whence + "\n";
        return step(Step.Kind.SEEK, "L" + lines, -1, seekOrder == SeekOrder.WHENCE_FIRST ? "whence first" : "offset first");
    }

    private static Step step(Step.Kind kind, String request, int op, String subject) {
        return new Step(kind, ascii(request), new byte[0], op, subject);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String one(List<String> args, String usage) {
        if (args.size() != 1) {
            throw new IllegalArgumentException(usage);
        }
        return args.get(0);
    }

    private static long number(String word, String what) {
        if (!word.matches("[0-9]{1,9}")) {
            bad(word, what);
        }
        return Long.parseLong(word);
    }

    private static String bad(String word, String what) {
        throw new IllegalArgumentException("not a " + what + ": '" + word + "'");
    }
}
