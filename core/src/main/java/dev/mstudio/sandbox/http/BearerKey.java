package dev.mstudio.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The bearer key check of the API (and of the controls when a key is configured), as the service answers it. */
public final class BearerKey {

    private static final String BEARER = "Bearer ";

    private BearerKey() {
    }

    /**
     * Accepts any bearer key when {@code expected} is null, else only that one.
     *
     * @throws ApiError InvalidApiKey (401) for a missing, malformed or wrong key
     */
    public static void check(String expected, String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiError.invalidApiKey();
        }
        String key = authorization.substring(BEARER.length()).trim();
        if (key.isEmpty() || (expected != null && !MessageDigest.isEqual(
                key.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8)))) {
            throw ApiError.invalidApiKey();
        }
    }
}
