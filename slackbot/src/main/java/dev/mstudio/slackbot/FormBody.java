package dev.mstudio.slackbot;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict reading of {@code application/x-www-form-urlencoded} text: a {@code %} must be followed
 * by two hex digits and the decoded bytes must be UTF-8, else {@link Malformed}. (The JDK's
 * URLDecoder throws on the first and silently replaces the second.)
 */
final class FormBody {

    /** Why a request cannot be read; its message is ours, never the request's text. */
    static final class Malformed extends Exception {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    private FormBody() {
    }

    /** Bytes as UTF-8 text, refusing anything that is not valid UTF-8. */
    static String utf8(byte[] bytes, String what) throws Malformed {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed(what + " is not UTF-8");
        }
    }

    /** The fields of a form (the first value of a repeated name wins); null or "" is empty. */
    static Map<String, String> parse(String encoded) throws Malformed {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    /** The byte a {@code %XX} at {@code i} stands for. */
    private static int escaped(String text, int i) throws Malformed {
        if (i + 2 >= text.length()) {
            throw new Malformed("a form field has an incomplete %-escape");
        }
        int high = hex(text.charAt(i + 1));
        int low = hex(text.charAt(i + 2));
        if (high < 0 || low < 0) {
            throw new Malformed("a form field has a bad %-escape");
        }
        return high * 16 + low;
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static String decode(String text) throws Malformed {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%') {
                bytes.write(escaped(text, i));
                i += 3;
            } else if (c == '+') {
                bytes.write(' ');
                i++;
            } else {
                int end = i + Character.charCount(text.codePointAt(i));
                byte[] encoded = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i = end;
            }
        }
        return utf8(bytes.toByteArray(), "a form field");
    }
}
