package dev.mstudio.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The one canonical form of a base URL: OkHttp's ({@link HttpUrl#toString()}) without the trailing
 * slash. A plain URL (http or https in lower case, a lower-case ASCII host name or IPv4 address, a
 * port, a path of letters, digits, {@code -}, {@code _} and {@code ~}) is already in that form but
 * for a default port, so it is checked here without OkHttp, whose URL class brings Kotlin, okio and
 * the IDN tables: ~20 ms before a short run's first command (docs/STARTUP.md). Any other text is
 * left to {@link HttpUrl}, so both ways give the same answer ({@code BaseUrlTest} compares them).
 */
final class BaseUrl {
    private static final Pattern PLAIN = Pattern.compile(
            "(https?)://([a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63})*)(?::([1-9][0-9]{0,4}))?((?:/[A-Za-z0-9_~-]*)*)");

    private BaseUrl() {
    }

    /** The canonical form of {@code url} (surrounding blanks ignored), or null when it is no http(s) URL. */
    static String canonical(String url) {
        if (url == null) {
            return null;
        }
        String text = plain(url.strip());
        if (text == null) {
            HttpUrl parsed = HttpUrl.parse(url.strip());
            if (parsed == null) {
                return null;
            }
            text = parsed.toString();
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** HttpUrl's text for a plain URL (with the path's leading slash), or null when {@code url} is not plain. */
    private static String plain(String url) {
        Matcher m = PLAIN.matcher(url);
        if (!m.matches()) {
            return null;
        }
        String scheme = m.group(1);
        int defaultPort = scheme.equals("http") ? 80 : 443;
        int port = m.group(3) == null ? defaultPort : Integer.parseInt(m.group(3));
        if (port > 65_535) {
            return null;
        }
        String path = m.group(4).isEmpty() ? "/" : m.group(4);
        return scheme + "://" + m.group(2) + (port == defaultPort ? "" : ":" + port) + path;
    }
}
