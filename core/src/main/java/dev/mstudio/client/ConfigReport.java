package dev.mstudio.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the environment configures and where each value comes from, for a settings display. Never
 * throws for a bad setting (it is shown as such) and never holds a secret: the key appears only
 * as a hint such as {@code sk-...abcd}, URLs without userinfo or query.
 */
public final class ConfigReport {
    /** One setting: its name, its value as it may be shown, and where it came from. */
    public record Setting(String name, String value, String source) {
    }

    private ConfigReport() {
    }

    /** API key, base URL, region, workspace and home directory, in that order. */
    public static List<Setting> settings(Map<String, String> env, Path home) {
        List<Setting> out = new ArrayList<>();
        out.add(apiKey(env, home));
        out.add(baseUrl(env));
        out.add(region(env));
        String workspace = env.get(ClientConfig.ENV_WORKSPACE);
        out.add(workspace == null || workspace.isBlank()
                ? new Setting("workspace", "(none)", ClientConfig.ENV_WORKSPACE + " not set")
                : new Setting("workspace", workspace.strip(), ClientConfig.ENV_WORKSPACE));
        out.add(new Setting("home", String.valueOf(home), isSet(env, ClientConfig.ENV_HOME)
                ? ClientConfig.ENV_HOME : "user.home (" + ClientConfig.ENV_HOME + " is not set)"));
        return out;
    }

    private static Setting apiKey(Map<String, String> env, Path home) {
        try {
            ApiKeys.Found found = ApiKeys.find(env, home);
            if (found == null) {
                return new Setting("API key", "(none)", "not found in " + ClientConfig.ENV_API_KEY + ", "
                        + ClientConfig.ENV_API_KEY_FILE + " or " + ApiKeys.defaultFile(home));
            }
            return new Setting("API key", Secrets.hint(found.key()), found.source());
        } catch (ConfigurationException e) {
            return new Setting("API key", "(error)", e.getMessage());
        }
    }

    private static Setting baseUrl(Map<String, String> env) {
        String source = isSet(env, ClientConfig.ENV_BASE_URL) ? ClientConfig.ENV_BASE_URL
                : isSet(env, ClientConfig.ENV_REGION) ? ClientConfig.ENV_REGION
                : "default: region " + ClientConfig.DEFAULT_REGION;
        try {
            return new Setting("base URL", Urls.redact(ClientConfig.baseUrlFromEnvironment(env)), source);
        } catch (ConfigurationException e) {
            return new Setting("base URL", "(error)", e.getMessage());
        }
    }

    private static Setting region(Map<String, String> env) {
        String region = isSet(env, ClientConfig.ENV_REGION) ? env.get(ClientConfig.ENV_REGION).strip() : null;
        if (isSet(env, ClientConfig.ENV_BASE_URL)) {
            return new Setting("region", region == null ? "-" : region,
                    "not used: " + ClientConfig.ENV_BASE_URL + " overrides it");
        }
        return region == null
                ? new Setting("region", ClientConfig.DEFAULT_REGION, "default")
                : new Setting("region", region, ClientConfig.ENV_REGION);
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
