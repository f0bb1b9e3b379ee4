package dev.mstudio.client;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** URLs as they may be shown: never their user:password@ part, query string or fragment. */
final class Urls {
    private static final Pattern USERINFO = Pattern.compile("(?<=//)[^/@?#]*@");
    private static final Pattern QUERY = Pattern.compile("[?#].*$", Pattern.DOTALL);

    private Urls() {
    }

    /** {@code url} without userinfo, query or fragment; text that is not a URL is cleaned the same way. */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        HttpUrl parsed = HttpUrl.parse(url.strip());
        if (parsed != null) {
            return redact(parsed);
        }
        return QUERY.matcher(USERINFO.matcher(url.strip()).replaceFirst("")).replaceFirst("");
    }

    static String redact(HttpUrl url) {
        return url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
    }

    /** "host" for a scheme's default port, "host:port" otherwise. */
    static String hostAndPort(HttpUrl url) {
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? url.host() : url.host() + ":" + url.port();
    }
}
