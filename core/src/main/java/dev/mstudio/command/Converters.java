package dev.mstudio.command;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.JobKind;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters that check values as they are parsed; their messages are complete sentences
 * naming the valid values, shown to users as they are.
 */
final class Converters {
    static final List<String> WEIGHTS = List.of("lora", "full");
    static final List<String> OUTPUTS = List.of("table", "json");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|min|h|d)?");

    private Converters() {
    }

    /** A status of the kind, upper-cased; anything else is refused with the kind's statuses. */
    static ITypeConverter<String> status(JobKind kind) {
        return value -> {
            String upper = value.strip().toUpperCase(Locale.ROOT);
            if (!kind.isKnown(upper)) {
                throw new TypeConversionException("Invalid " + kind.label() + " status '" + value
                        + "'. Valid values: " + String.join(", ", kind.statuses()) + ".");
            }
            return upper;
        };
    }

    /** Text of at most {@code max} characters. */
    static ITypeConverter<String> length(String what, int max) {
        return value -> {
            if (value.length() > max) {
                throw new TypeConversionException(what + " takes at most " + max + " characters; this one has "
                        + value.length() + ".");
            }
            return value;
        };
    }

    /** A job kind word (imports, finetunes, deployments, any unique prefix), as {@link JobKind#parse} reads it. */
    static ITypeConverter<JobKind> kind() {
        return value -> JobKind.parse(value.strip()).orElseThrow(() -> new TypeConversionException(
                "Invalid job kind '" + ParseErrors.clip(value) + "'. Valid values: imports, finetunes, deployments."));
    }

    /** One of the "|"-separated words of {@code choices}, or a unique prefix of one, returned whole. */
    static ITypeConverter<String> choice(String choices) {
        List<String> words = List.of(choices.split("\\|"));
        return value -> {
            String lower = value.strip().toLowerCase(Locale.ROOT);
            List<String> matches = words.stream().filter(word -> !lower.isEmpty() && word.startsWith(lower)).toList();
            if (matches.size() != 1) {
                throw new TypeConversionException("Invalid value '" + ParseErrors.clip(value) + "'. Valid values: "
                        + String.join(", ", words) + ".");
            }
            return matches.get(0);
        };
    }

    /** One of {@code values}, case-insensitively, returned lower-case. */
    static ITypeConverter<String> oneOf(String what, List<String> values) {
        return value -> {
            String lower = value.strip().toLowerCase(Locale.ROOT);
            if (!values.contains(lower)) {
                throw new TypeConversionException("Invalid " + what + " '" + value + "'. Valid values: "
                        + String.join(", ", values) + ".");
            }
            return lower;
        };
    }

    /**
     * A job ID as the service writes them (UUIDs, ft-202410291653-1c7f): no "/", "\\", "?", "#", "%",
     * whitespace or control characters, and not "." or "..", which would change the URL it is sent in.
     *
     * @throws TypeConversionException saying what a job ID looks like
     */
    static String jobId(String value) {
        boolean bad = value.isEmpty() || value.equals(".") || value.equals("..") || value.codePoints()
                .anyMatch(c -> c == '/' || c == '\\' || c == '?' || c == '#' || c == '%'
                        || Tokenizer.separates(c) || Character.isISOControl(c));
        if (bad) {
            throw new TypeConversionException("Invalid job ID '" + ParseErrors.clip(value)
                    + "': job IDs look like 937b1e0c-... or ft-202410291653-1c7f.");
        }
        return value;
    }

    static ITypeConverter<String> region() {
        return oneOf("region", List.copyOf(ClientConfig.regions().keySet()));
    }

    /** A whole number from {@code min} to {@code max}. */
    static ITypeConverter<Integer> range(String what, int min, int max) {
        return value -> {
            int number;
            try {
                number = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException(what + " must be a whole number from " + min + " to " + max
                        + ", got '" + value + "'.");
            }
            if (number < min || number > max) {
                throw new TypeConversionException(what + " must be from " + min + " to " + max + ", got "
                        + number + ".");
            }
            return number;
        };
    }

    /** 30s, 5m, 1h, 2d, 500ms, a bare number of seconds, or ISO-8601 (PT5M); positive. */
    static ITypeConverter<Duration> duration(String what) {
        return value -> {
            Duration duration = parseDuration(value.strip());
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new TypeConversionException("Invalid " + what + " '" + value
                        + "'. Use a positive duration such as 30s, 5m, 1h or PT5M.");
            }
            return duration;
        };
    }

    private static Duration parseDuration(String text) {
        Matcher matcher = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m", "min" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
