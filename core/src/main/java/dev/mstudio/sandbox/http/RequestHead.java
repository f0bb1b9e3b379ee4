package dev.mstudio.sandbox.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The request line and headers of one HTTP request, read and checked before the JDK server sees
 * them: everything the JDK would refuse with its own HTML page (or by hanging up) is refused here
 * as an {@link ApiError}, so every answer has the documented JSON shape.
 *
 * @param bytes         the head exactly as received, to pass on
 * @param contentLength the body's length (0 when none), or -1 for a chunked body
 */
record RequestHead(byte[] bytes, long contentLength) {

    /** Longer request lines (the URL, mostly) are answered 414. */
    static final int MAX_REQUEST_LINE = 16 * 1024;
    /** More header lines are answered 431. */
    static final int MAX_HEADERS = 100;
    /** A larger head (request line and headers) is answered 431. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final String TOKEN = "!#$%&'*+-.^_`|~";
    private static final String URL_MARKS = "-._~!$&'()*+,;=:@/?";
    private static final String HEX = "0123456789abcdefABCDEF";

    /**
     * Reads the next head; null when the connection ended cleanly before one began.
     *
     * @throws ApiError when the head is malformed or too large (the rest is left unread)
     */
    static RequestHead read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(512);
        String requestLine = line(in, raw, MAX_REQUEST_LINE, true);
        while (requestLine != null && requestLine.isEmpty()) {
            raw.reset(); // blank lines before a request are allowed (RFC 9112, 2.2)
            requestLine = line(in, raw, MAX_REQUEST_LINE, true);
        }
        if (requestLine == null) {
            return null;
        }
        checkRequestLine(requestLine);
        HeaderCheck headers = new HeaderCheck();
        for (String header = line(in, raw, MAX_HEAD_BYTES, false); !header.isEmpty();
                header = line(in, raw, MAX_HEAD_BYTES, false)) {
            headers.add(header);
        }
        return new RequestHead(raw.toByteArray(), headers.contentLength());
    }

    /** One line without its CRLF (or bare LF); null on end of stream before any byte. */
    private static String line(InputStream in, ByteArrayOutputStream raw, int limit, boolean first)
            throws IOException {
        StringBuilder out = new StringBuilder();
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                if (first && out.isEmpty()) {
                    return null;
                }
                throw new IOException("the connection ended inside a request head");
            }
            raw.write(b);
            if (b == '\n') {
                int end = out.length() > 0 && out.charAt(out.length() - 1) == '\r' ? out.length() - 1 : out.length();
                if (first && end > limit) {
                    throw tooLong(414, "The request line is longer than " + MAX_REQUEST_LINE + " bytes.");
                }
                return out.substring(0, end);
            }
            out.append((char) b);
            if (first && out.length() > limit + 1) { // + 1: room for the CR
                throw tooLong(414, "The request line is longer than " + MAX_REQUEST_LINE + " bytes.");
            }
            if (raw.size() > MAX_HEAD_BYTES) {
                throw tooLong(431, "The request headers are larger than " + MAX_HEAD_BYTES + " bytes.");
            }
        }
    }

    private static void checkRequestLine(String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !isToken(parts[0]) || !parts[2].matches("HTTP/1\\.[01]")) {
            throw ApiError.invalid("Malformed HTTP request line.");
        }
        checkTarget(parts[1]);
    }

    /** An origin-form target: a path from "/" and a query, only RFC 3986 characters, valid escapes. */
    private static void checkTarget(String target) {
        if (!target.startsWith("/")) {
            throw ApiError.invalid("The request URL must be a path starting with \"/\".");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || HEX.indexOf(target.charAt(i + 1)) < 0
                        || HEX.indexOf(target.charAt(i + 2)) < 0) {
                    throw ApiError.invalid("The request URL has a malformed percent-escape at index " + i + ".");
                }
            } else if (!(c < 128 && (Character.isLetterOrDigit(c) || URL_MARKS.indexOf(c) >= 0))) {
                throw ApiError.invalid("The request URL has an illegal character at index " + i
                        + "; encode it as %" + String.format("%02X", c & 0xFF) + ".");
            }
        }
    }

    private static boolean isToken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || TOKEN.indexOf(c) >= 0))) {
                return false;
            }
        }
        return true;
    }

    private static ApiError tooLong(int status, String message) {
        return new ApiError(status, "InvalidParameter", message, Map.of());
    }

    /** Counts the headers and works out the body's framing as the JDK server will. */
    private static final class HeaderCheck {
        private int count;
        private String contentLength;
        private String transferEncoding;

        void add(String header) {
            if (++count > MAX_HEADERS) {
                throw tooLong(431, "The request has more than " + MAX_HEADERS + " headers.");
            }
            int colon = header.indexOf(':');
            if (colon <= 0 || !isToken(header.substring(0, colon))) {
                throw ApiError.invalid("Malformed request header line " + count + ".");
            }
            String name = header.substring(0, colon);
            String value = header.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length")) {
                if (contentLength != null || !value.matches("\\d{1,18}")) {
                    throw ApiError.invalid("Content-Length must be given once, as a non-negative integer.");
                }
                contentLength = value;
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                if (transferEncoding != null || !value.equalsIgnoreCase("chunked")) {
                    throw ApiError.invalid("Transfer-Encoding must be \"chunked\" if given.");
                }
                transferEncoding = value;
            }
        }

        long contentLength() {
            if (transferEncoding != null && contentLength != null) {
                throw ApiError.invalid("A request must not have both Content-Length and Transfer-Encoding.");
            }
            return transferEncoding != null ? -1 : contentLength == null ? 0 : Long.parseLong(contentLength);
        }
    }
}
