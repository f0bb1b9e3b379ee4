package dev.mstudio.client;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where and as whom the client calls DashScope, resolved the way the official SDKs resolve it:
 * <ul>
 *   <li>{@code DASHSCOPE_API_KEY}, else the file named by {@code DASHSCOPE_API_KEY_FILE_PATH}, else the
 *       file {@code ~/.dashscope/api_key} (trimmed; {@code ~} is {@code $HOME}, see {@link #home});</li>
 *   <li>{@code DASHSCOPE_HTTP_BASE_URL} (a full base such as {@code http://127.0.0.1:8089/api/v1}),
 *       else {@code DASHSCOPE_REGION} = intl (default) | cn | us | hk;</li>
 *   <li>{@code DASHSCOPE_WORKSPACE}, sent as the {@code X-DashScope-WorkSpace} header.</li>
 * </ul>
 * Blank variables count as unset. The key is a secret: {@link #toString()} masks it and no
 * message built from a config ever contains it.
 */
public record ClientConfig(String baseUrl, String apiKey, String workspace) {
    public static final String ENV_API_KEY = "DASHSCOPE_API_KEY";
    public static final String ENV_API_KEY_FILE = "DASHSCOPE_API_KEY_FILE_PATH";
    public static final String ENV_HOME = "HOME";
    public static final String ENV_BASE_URL = "DASHSCOPE_HTTP_BASE_URL";
    public static final String ENV_REGION = "DASHSCOPE_REGION";
    public static final String ENV_WORKSPACE = "DASHSCOPE_WORKSPACE";
    public static final String DEFAULT_REGION = "intl";

    private static final Map<String, String> REGIONS = regionTable();

    /** Validates the base URL (http or https) and requires a key; a blank workspace becomes null. */
    public ClientConfig {
        baseUrl = normalizeBaseUrl(baseUrl);
        if (apiKey == null || apiKey.isBlank()) {
            throw new ConfigurationException(missingKeyMessage());
        }
        apiKey = apiKey.strip();
        workspace = blankToNull(workspace);
    }

    /** A config for {@code baseUrl} with {@code apiKey} and no workspace (the sandbox accepts any key). */
    public static ClientConfig of(String baseUrl, String apiKey) {
        return new ClientConfig(baseUrl, apiKey, null);
    }

    /** Reads the process environment and the user's home directory. */
    public static ClientConfig fromEnvironment() {
        return fromEnvironment(System.getenv(), home(System.getenv()));
    }

    /**
     * The home directory {@code ~} stands for: {@code $HOME} when set (the JVM's {@code user.home}
     * comes from the password database and ignores it), else {@code user.home}; null when neither is.
     */
    public static Path home(Map<String, String> env) {
        String home = blankToNull(env.get(ENV_HOME));
        if (home == null) {
            home = blankToNull(System.getProperty("user.home"));
        }
        return home == null ? null : Path.of(home);
    }

    /**
     * Resolves a config from {@code env} and the key file under {@code home} (may be null: no file).
     *
     * @throws ConfigurationException when no key is configured, the region is unknown, or the base URL is bad
     */
    public static ClientConfig fromEnvironment(Map<String, String> env, Path home) {
        ApiKeys.Found key = ApiKeys.find(env, home);
        if (key == null) {
            throw new ConfigurationException(missingKeyMessage(env, home));
        }
        return new ClientConfig(baseUrlFromEnvironment(env), key.key(), env.get(ENV_WORKSPACE));
    }

    /** True when the process environment or ~/.dashscope/api_key holds a key; never throws for a missing key. */
    public static boolean apiKeyConfigured() {
        return apiKeyConfigured(System.getenv(), home(System.getenv()));
    }

    /**
     * True when {@code env} or the key file under {@code home} holds a non-blank key. A key file that
     * exists but cannot be read counts as configured, so that {@link #fromEnvironment} reports it.
     */
    public static boolean apiKeyConfigured(Map<String, String> env, Path home) {
        try {
            return ApiKeys.find(env, home) != null;
        } catch (ConfigurationException unreadableFile) {
            return true;
        }
    }

    /**
     * True when {@code env} names the service to use or how to reach it (a base URL, a region, a
     * workspace or a key file): then a missing key is an error, never a reason to use the sandbox.
     */
    public static boolean serviceConfigured(Map<String, String> env) {
        return explicitSetting(env) != null;
    }

    /** The base URL {@code env} selects: DASHSCOPE_HTTP_BASE_URL, else the region's (intl by default). */
    public static String baseUrlFromEnvironment(Map<String, String> env) {
        String explicit = blankToNull(env.get(ENV_BASE_URL));
        if (explicit != null) {
            return normalizeBaseUrl(explicit);
        }
        String region = blankToNull(env.get(ENV_REGION));
        return regionBaseUrl(region == null ? DEFAULT_REGION : region);
    }

    /**
     * The base URL of a region: intl, cn, us or hk (case-insensitive).
     *
     * @throws ConfigurationException naming the valid regions when {@code region} is not one of them
     */
    public static String regionBaseUrl(String region) {
        String url = region == null ? null : REGIONS.get(region.strip().toLowerCase(Locale.ROOT));
        if (url == null) {
            throw new ConfigurationException("Unknown DashScope region '" + region + "'; valid regions are "
                    + String.join(", ", REGIONS.keySet()) + " (set " + ENV_REGION + ", or "
                    + ENV_BASE_URL + " for any other endpoint)");
        }
        return url;
    }

    /** Region name to base URL, in documentation order (intl, cn, us, hk). */
    public static Map<String, String> regions() {
        return REGIONS;
    }

    public ClientConfig withBaseUrl(String newBaseUrl) {
        return new ClientConfig(newBaseUrl, apiKey, workspace);
    }

    public ClientConfig withRegion(String region) {
        return withBaseUrl(regionBaseUrl(region));
    }

    public ClientConfig withWorkspace(String newWorkspace) {
        return new ClientConfig(baseUrl, apiKey, newWorkspace);
    }

    /** The base URL as it may be shown: without user:password@, query string or fragment. */
    public String redactedBaseUrl() {
        return Urls.redact(baseUrl);
    }

    /** The key as it may be shown: "sk-****" for DashScope-style keys, otherwise "****". */
    public String maskedApiKey() {
        return Secrets.mask(apiKey);
    }

    @Override
    public String toString() {
        return "ClientConfig[baseUrl=" + redactedBaseUrl() + ", apiKey=" + maskedApiKey()
                + ", workspace=" + workspace + "]";
    }

    static String missingKeyMessage() {
        return missingKeyMessage(Map.of(), null);
    }

    /**
     * One line naming every way to set the key; when {@code env} asks for the service (a base URL,
     * a region...), it says so, since then mstudio will not fall back to the sandbox.
     */
    static String missingKeyMessage(Map<String, String> env, Path home) {
        String setting = explicitSetting(env);
        Path file = ApiKeys.defaultFile(home);
        return (setting == null ? "No DashScope API key is configured" : setting + " is set but no DashScope API key was found")
                + ". Either run `export " + ENV_API_KEY + "=sk-...`, or set " + ENV_API_KEY_FILE
                + " to a file holding the key, or write it to ~/.dashscope/api_key"
                + (file == null ? "" : " (" + file + ")") + ".";
    }

    private static String explicitSetting(Map<String, String> env) {
        for (String name : new String[] {ENV_BASE_URL, ENV_REGION, ENV_WORKSPACE, ENV_API_KEY_FILE}) {
            if (blankToNull(env.get(name)) != null) {
                return name;
            }
        }
        return null;
    }

    private static String normalizeBaseUrl(String url) {
        String canonical = BaseUrl.canonical(url);
        if (canonical == null) {
            throw new ConfigurationException("The DashScope base URL must be an http(s) URL such as "
                    + "http://127.0.0.1:8089/api/v1, got '" + Urls.redact(url) + "'");
        }
        return canonical;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, String> regionTable() {
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("intl", "https://dashscope-intl.aliyuncs.com/api/v1");
        regions.put("cn", "https://dashscope.aliyuncs.com/api/v1");
        regions.put("us", "https://dashscope-us.aliyuncs.com/api/v1");
        regions.put("hk", "https://cn-hongkong.dashscope.aliyuncs.com/api/v1");
        return Collections.unmodifiableMap(regions);
    }
}
