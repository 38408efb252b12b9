package dev.mcpauth.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people type them: {@code 90s}, {@code 15m}, {@code 1h}, {@code 30d}, or ISO-8601.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd]?)");

    @Override
    public Duration convert(String value) {
        Matcher m = SHORT.matcher(value.strip());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            Duration d =
                    switch (m.group(2)) {
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        case "d" -> Duration.ofDays(amount);
                        default -> Duration.ofSeconds(amount);
                    };
            return positive(d, value);
        }
        try {
            return positive(Duration.parse(value.strip()), value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException(
                    "'" + value + "' is not a duration; write 90s, " + "15m, 1h, 30d or PT1H");
        }
    }

    private static Duration positive(Duration d, String value) {
        if (d.isZero() || d.isNegative()) {
            throw new TypeConversionException("the duration must be positive, not " + value);
        }
        return d;
    }
}
