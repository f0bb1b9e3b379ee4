package dev.mstudio.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code multipart/form-data} body split into its parts (name, file name, bytes). */
public final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    public record Part(String name, String filename, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    /** The parts of the body; InvalidParameter when the content type or the body is not multipart. */
    public static List<Part> parse(String contentType, byte[] body) {
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundary == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !boundary.find()) {
            throw ApiError.invalid("The request must be multipart/form-data with a files part per file.");
        }
        // ISO-8859-1 maps each byte to one char and back, so binary content survives the split
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary.group(1);
        List<Part> parts = new ArrayList<>();
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int start = at + delimiter.length();
            if (text.startsWith("--", start)) {
                return parts;
            }
            int next = text.indexOf("\r\n" + delimiter, start);
            if (next < 0) {
                break;
            }
            parts.add(part(text.substring(start, next)));
            at = next + 2;
        }
        throw ApiError.invalid("The multipart body is malformed or cut off.");
    }

    private static Part part(String raw) {
        int headEnd = raw.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw ApiError.invalid("A multipart part has no headers.");
        }
        String head = raw.substring(0, headEnd);
        Matcher name = NAME.matcher(head);
        Matcher filename = FILENAME.matcher(head);
        byte[] content = raw.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1);
        return new Part(name.find() ? name.group(1) : "", filename.find() ? filename.group(1) : null, content);
    }
}
