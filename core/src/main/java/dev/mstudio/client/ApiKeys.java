package dev.mstudio.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the API key as the official SDKs do: {@code DASHSCOPE_API_KEY}, else the file named by
 * {@code DASHSCOPE_API_KEY_FILE_PATH}, else {@code ~/.dashscope/api_key} ({@code ~} is the home
 * directory). A file named explicitly must exist; the default one may be absent.
 */
final class ApiKeys {
    /** A key and where it came from, e.g. "DASHSCOPE_API_KEY" or "/home/me/.dashscope/api_key". */
    record Found(String key, String source) {
    }

    private ApiKeys() {
    }

    /** The key, or null when none is configured. @throws ConfigurationException for a named or unreadable file */
    static Found find(Map<String, String> env, Path home) {
        String fromEnv = blankToNull(env.get(ClientConfig.ENV_API_KEY));
        if (fromEnv != null) {
            return new Found(fromEnv, ClientConfig.ENV_API_KEY);
        }
        String named = blankToNull(env.get(ClientConfig.ENV_API_KEY_FILE));
        if (named != null) {
            Path file = namedFile(named, home);
            if (!Files.isRegularFile(file)) {
                throw new ConfigurationException(ClientConfig.ENV_API_KEY_FILE + " names " + file
                        + ", which is not a file; point it at the file that holds the key, or unset it");
            }
            String key = read(file);
            if (key == null) {
                throw new ConfigurationException("The API key file " + file + " (" + ClientConfig.ENV_API_KEY_FILE
                        + ") is empty; write the key into it");
            }
            return new Found(key, ClientConfig.ENV_API_KEY_FILE + " (" + file + ")");
        }
        Path file = defaultFile(home);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        String key = read(file);
        return key == null ? null : new Found(key, file.toString());
    }

    /** {@code home/.dashscope/api_key}, or null without a home. */
    static Path defaultFile(Path home) {
        return home == null ? null : home.resolve(".dashscope").resolve("api_key");
    }

    private static Path namedFile(String named, Path home) {
        try {
            if (home != null && (named.equals("~") || named.startsWith("~/"))) {
                return home.resolve(named.substring(Math.min(2, named.length())));
            }
            return Path.of(named);
        } catch (InvalidPathException e) {
            throw new ConfigurationException(ClientConfig.ENV_API_KEY_FILE + " is not a valid path: " + e.getReason());
        }
    }

    private static String read(Path file) {
        try {
            return blankToNull(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the API key file " + file
                    + " (permission denied or not text); fix it or set " + ClientConfig.ENV_API_KEY);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
