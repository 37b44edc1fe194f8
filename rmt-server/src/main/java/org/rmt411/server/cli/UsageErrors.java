package org.rmt411.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Usage errors as one line, {@code rmt-server: --seek-order sideways: expected auto, offset-first
 * or whence-first}, exit 2. picocli's default prints its own wording and then the whole usage
 * text, which in a service's log buries the one line that matters.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + message(e));
        cl.getErr().flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The option and value that were refused and why, or picocli's own message. */
    static String message(ParameterException e) {
        if (e.getCause() instanceof TypeConversionException && e.getArgSpec() instanceof OptionSpec
                && e.getValue() != null) {
            return ((OptionSpec) e.getArgSpec()).longestName() + " " + e.getValue() + ": " + e.getCause().getMessage();
        }
        return e.getMessage();
    }
}
