package dev.mstudio.client;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses the two time formats the service uses; never throws. The exact shapes the service sends
 * are read by hand: the first use of a java.time formatter builds the ISO formatters and loads
 * locale data, ~5 ms of a short run's first listing. Anything else goes through the formatters,
 * so both ways give the same instants ({@code TimesTest} compares them).
 */
public final class Times {
    private static final String LOCAL_PATTERN = "yyyy-MM-dd HH:mm:ss";

    private Times() {
    }

    /**
     * A time in either format the service uses (ISO 8601 with an offset, else "yyyy-MM-dd HH:mm:ss"
     * in UTC), surrounding blanks ignored; null when it is neither.
     */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        Instant iso = parseIso(stripped);
        return iso != null ? iso : parseLocal(stripped);
    }

    /** "2024-01-01T12:00:00.000+00:00" (import jobs). */
    static Instant parseIso(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant exact = exactIso(text);
        if (exact != null) {
            return exact;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "2024-10-29 16:53:53" (fine-tune jobs); the service does not say its zone, UTC is assumed. */
    static Instant parseLocal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() == LOCAL_PATTERN.length() && text.charAt(10) == ' ') {
            LocalDateTime time = dateTime(text);
            if (time != null && time.getYear() > 0) { // yyyy is the year of the era: the formatter refuses 0000
                return time.toInstant(ZoneOffset.UTC);
            }
        }
        try {
            return LocalDateTime.parse(text, Local.FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "yyyy-MM-ddTHH:mm:ss.SSS±HH:MM" exactly, with valid fields; otherwise null. */
    private static Instant exactIso(String text) {
        if (text.length() != 29 || text.charAt(10) != 'T' || text.charAt(19) != '.' || text.charAt(26) != ':') {
            return null;
        }
        char sign = text.charAt(23);
        int millis = number(text, 20, 23);
        int offsetHours = number(text, 24, 26);
        int offsetMinutes = number(text, 27, 29);
        LocalDateTime time = dateTime(text);
        if (time == null || millis < 0 || offsetHours < 0 || offsetMinutes < 0 || (sign != '+' && sign != '-')) {
            return null;
        }
        int direction = sign == '+' ? 1 : -1;
        try {
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(direction * offsetHours, direction * offsetMinutes);
            return time.plusNanos(millis * 1_000_000L).toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The "yyyy-MM-dd?HH:mm:ss" at the start of {@code text}, when every field is valid; otherwise null. */
    private static LocalDateTime dateTime(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            return null; // e.g. 2024-02-30: the formatter's lenient resolution decides
        }
    }

    /** The decimal digits text[from, to) as a number, or -1 when one is not a digit. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The formatter, built only when a time is not in the exact shape. */
    private static final class Local {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(LOCAL_PATTERN);
    }
}
