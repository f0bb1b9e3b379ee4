package dev.mstudio.sandbox.http;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The API's time formats, written by hand (java.time formatters load locale data, which costs
 * a noticeable part of a cold start). All times are UTC.
 */
final class TimeFormats {

    private TimeFormats() {
    }

    /** Import jobs: {@code 2024-01-01T12:00:00.000+00:00}. */
    static String iso(long epochMs) {
        LocalDateTime t = utc(epochMs);
        StringBuilder out = date(new StringBuilder(29), t, "-").append('T');
        time(out, t, ":").append('.');
        return pad(out, t.getNano() / 1_000_000, 3).append("+00:00").toString();
    }

    /** Fine-tune jobs: {@code 2024-10-29 16:53:53}. */
    static String plain(long epochMs) {
        LocalDateTime t = utc(epochMs);
        return time(date(new StringBuilder(19), t, "-").append(' '), t, ":").toString();
    }

    /** Fine-tune job IDs: {@code 202410291653}. */
    static String minute(long epochMs) {
        LocalDateTime t = utc(epochMs);
        StringBuilder out = date(new StringBuilder(12), t, "");
        return pad(pad(out, t.getHour(), 2), t.getMinute(), 2).toString();
    }

    /** Imported model names: {@code 20240101}. */
    static String day(long epochMs) {
        return date(new StringBuilder(8), utc(epochMs), "").toString();
    }

    private static LocalDateTime utc(long epochMs) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMs, 1000),
                Math.floorMod(epochMs, 1000) * 1_000_000, ZoneOffset.UTC);
    }

    private static StringBuilder date(StringBuilder out, LocalDateTime t, String separator) {
        pad(out, t.getYear(), 4).append(separator);
        return pad(pad(out, t.getMonthValue(), 2).append(separator), t.getDayOfMonth(), 2);
    }

    private static StringBuilder time(StringBuilder out, LocalDateTime t, String separator) {
        pad(pad(out, t.getHour(), 2).append(separator), t.getMinute(), 2).append(separator);
        return pad(out, t.getSecond(), 2);
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
