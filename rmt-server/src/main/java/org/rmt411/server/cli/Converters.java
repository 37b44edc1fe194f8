package org.rmt411.server.cli;

import org.rmt411.server.session.TraceLevel;
import org.rmt411.protocol.SeekOrder;
import org.rmt411.server.logging.LogMode;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters sharing {@link QuickArgs}' parsing, so both parsers accept and refuse the
 * same values; their messages say what was expected ({@link UsageErrors} names the option).
 */
final class Converters {
    private Converters() {
    }

    /** A whole number. */
    static final class Number implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return QuickArgs.number(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code auto|offset-first|whence-first}. */
    static final class Seek implements CommandLine.ITypeConverter<SeekOrder> {
        @Override
        public SeekOrder convert(String value) {
            try {
                return QuickArgs.seekOrder(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --trace} alone ({@code true}), {@code =verbose}, or the file's on/off. */
    static final class Trace implements CommandLine.ITypeConverter<TraceLevel> {
        @Override
        public TraceLevel convert(String value) {
            try {
                return TraceLevel.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code auto|stderr|journal|file|none}. */
    static final class Log implements CommandLine.ITypeConverter<LogMode> {
        @Override
        public LogMode convert(String value) {
            try {
                return LogMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code 90s}, {@code 15m}, {@code 1h}, {@code 0}: see {@link DurationValue}. */
    static final class Idle implements CommandLine.ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            try {
                return DurationValue.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
