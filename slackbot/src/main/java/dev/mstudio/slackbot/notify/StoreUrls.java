package dev.mstudio.slackbot.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** JDBC URL handling: {@code ~} expansion, parent directories for SQLite files, redaction for messages. */
final class StoreUrls {
    static final String SQLITE = "jdbc:sqlite:";
    static final String POSTGRESQL = "jdbc:postgresql:";

    private StoreUrls() {
    }

    /** The product a URL names, or null when the store does not support it. */
    static Db.Vendor vendor(String url) {
        if (url.startsWith(SQLITE)) {
            return Db.Vendor.SQLITE;
        }
        return url.startsWith(POSTGRESQL) ? Db.Vendor.POSTGRESQL : null;
    }

    /** Expands a leading {@code ~} of an SQLite file path to {@code home}. */
    static String expand(String url, Path home) {
        if (!url.startsWith(SQLITE)) {
            return url;
        }
        String path = url.substring(SQLITE.length());
        if (path.equals("~") || path.startsWith("~/")) {
            return SQLITE + home.resolve(path.substring(Math.min(2, path.length()))).toString();
        }
        return url;
    }

    /** Creates the parent directories of an SQLite database file (nothing for memory databases). */
    static void createParentDirs(String url) throws IOException {
        Path file = sqliteFile(url);
        if (file != null && file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
    }

    /** The file of an SQLite URL, or null for memory databases and other products. */
    static Path sqliteFile(String url) {
        if (!url.startsWith(SQLITE)) {
            return null;
        }
        String path = url.substring(SQLITE.length());
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.startsWith(":memory:") || path.toLowerCase(Locale.ROOT).contains("mode=memory")) {
            return null;
        }
        return Path.of(path);
    }

    /** The URL without user info or parameters, which may carry passwords. */
    static String redact(String url) {
        String cut = url.replaceAll("//[^/@]*@", "//");
        for (char stop : new char[] {'?', ';'}) {
            int at = cut.indexOf(stop);
            if (at >= 0) {
                cut = cut.substring(0, at);
            }
        }
        return cut;
    }

    /** A message with any password parameter or URL user info blanked out. */
    static String scrub(String message) {
        return message.replaceAll("(?i)(password=)[^&\\s;]*", "$1***").replaceAll("//[^/@\\s]*@", "//");
    }
}
