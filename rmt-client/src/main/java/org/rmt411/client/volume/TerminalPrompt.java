package org.rmt411.client.volume;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * GNU tar's volume prompt ({@code change_tape_menu}) when no script is given and a person is at
 * the terminal: {@code Prepare volume #N for 'ARCHIVE' and hit return: }. Return or {@code y}
 * goes on, {@code n NAME} names the next archive, {@code q} stops, {@code ?} lists the choices.
 */
public final class TerminalPrompt implements VolumeChanger {
    private final String archive;
    private final BufferedReader in;
    private final PrintWriter out;

    /**
     * @param archive the archive as the user named it
     * @param in the terminal's input
     * @param out where prompts go (stderr, as GNU tar)
     */
    public TerminalPrompt(String archive, BufferedReader in, PrintWriter out) {
        this.archive = archive;
        this.in = in;
        this.out = out;
    }

    @Override
    public String prepare(VolumeRequest request) throws IOException {
        while (true) {
            out.print("\007Prepare volume #" + request.volume() + " for '" + archive + "' and hit return: ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                throw new IOException("EOF where user reply was expected" + incomplete(request));
            }
            if (line.isEmpty() || line.charAt(0) == 'y' || line.charAt(0) == 'Y') {
                return request.device();
            }
            switch (line.charAt(0)) {
                case 'q' -> throw new IOException("No new volume; exiting." + incomplete(request));
                case 'n' -> {
                    String name = line.substring(1).strip();
                    if (!name.isEmpty()) {
                        return name;
                    }
                    out.println("File name not specified. Try again.");
                }
                case '?' -> out.println(" n name        Give a new file name for the next (and subsequent) volume(s)\n"
                        + " q             Abort\n y or newline  Continue operation\n ?             Print this list");
                default -> out.println("Invalid input. Type ? for help.");
            }
        }
    }

    private static String incomplete(VolumeRequest request) {
        return request.subcommand() == VolumeRequest.Subcommand.CREATE ? " WARNING: Archive is incomplete" : "";
    }
}
