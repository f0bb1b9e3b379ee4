package dev.mstudio.slackbot;

import dev.mstudio.slackbot.command.Admins;
import dev.mstudio.slackbot.notify.BotStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bot's configuration, read from an environment map (never from the process directly, so tests
 * inject theirs). Secrets are kept out of {@link #toString()}.
 *
 * @param botToken       {@value #BOT_TOKEN}, the bot user OAuth token (xoxb-...)
 * @param signingSecret  {@value #SIGNING_SECRET}; required in HTTP mode, where Bolt verifies every request with it
 * @param appToken       {@value #APP_TOKEN} (xapp-...); present means Socket Mode
 * @param apiUrl         {@value #API_URL}, the Web API base (null: Slack's own)
 * @param bindHost       {@value #BIND} (default 0.0.0.0; the sandbox uses 127.0.0.1)
 * @param port           {@value #PORT} (default 3000; 0 picks a free port)
 * @param slashCommand   {@value #SLASH_COMMAND} (default /mstudio)
 * @param admins         {@value #ADMINS}: Slack user IDs allowed to run destructive commands
 * @param dbUrl          {@value BotStore#ENV_DB}: the JDBC URL of the bot's store
 * @param commandTimeout {@value #COMMAND_TIMEOUT} in seconds (default 30): longer, and the user is told so
 */
public record BotConfig(String botToken, String signingSecret, String appToken, String apiUrl, String bindHost,
        int port, String slashCommand, Admins admins, String dbUrl, Duration commandTimeout) {

    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String API_URL = "SLACK_API_URL";
    public static final String PORT = "MSTUDIO_BOT_PORT";
    public static final String BIND = "MSTUDIO_BOT_BIND";
    public static final String SLASH_COMMAND = "MSTUDIO_SLASH_COMMAND";
    public static final String ADMINS = "MSTUDIO_ADMINS";
    public static final String COMMAND_TIMEOUT = "MSTUDIO_COMMAND_TIMEOUT";
    public static final int DEFAULT_PORT = 3000;

    public BotConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        slashCommand = slashCommand.startsWith("/") ? slashCommand : "/" + slashCommand;
    }

    /**
     * Reads {@code env}.
     *
     * @throws Invalid naming what to set when something required is missing or malformed
     */
    public static BotConfig fromEnvironment(Map<String, String> env) {
        String appToken = blankToNull(env.get(APP_TOKEN));
        List<String> missing = new ArrayList<>();
        if (blankToNull(env.get(BOT_TOKEN)) == null) {
            missing.add(BOT_TOKEN);
        }
        if (appToken == null && blankToNull(env.get(SIGNING_SECRET)) == null) {
            missing.add(SIGNING_SECRET);
        }
        if (!missing.isEmpty()) {
            throw new Invalid("Set " + String.join(" and ", missing) + " (from your Slack app's settings; "
                    + APP_TOKEN + " too for Socket Mode), or try the bot without Slack: ./mstudio bot --sandbox");
        }
        return new BotConfig(env.get(BOT_TOKEN).strip(), strip(env.get(SIGNING_SECRET)), appToken,
                blankToNull(env.get(API_URL)), bindHost(env), port(env), orDefault(env.get(SLASH_COMMAND), "/mstudio"),
                Admins.parse(env.get(ADMINS)), BotStore.jdbcUrl(env),
                Duration.ofSeconds(number(env, COMMAND_TIMEOUT, 30, 1, 900)));
    }

    /** {@value #BIND} in {@code env}: the address the bot listens on (default 0.0.0.0, every address). */
    static String bindHost(Map<String, String> env) {
        return orDefault(env.get(BIND), "0.0.0.0");
    }

    /**
     * {@value #PORT} in {@code env}: the bot's HTTP port (default 3000).
     *
     * @throws Invalid when it is not a port number
     */
    static int port(Map<String, String> env) {
        return number(env, PORT, DEFAULT_PORT, 0, 65_535);
    }

    /** True in Socket Mode (an app-level token is configured). */
    public boolean socketMode() {
        return appToken != null;
    }

    public BotConfig withPort(int newPort) {
        return new BotConfig(botToken, signingSecret, appToken, apiUrl, bindHost, newPort, slashCommand, admins,
                dbUrl, commandTimeout);
    }

    public BotConfig withCommandTimeout(Duration timeout) {
        return new BotConfig(botToken, signingSecret, appToken, apiUrl, bindHost, port, slashCommand, admins, dbUrl,
                timeout);
    }

    @Override
    public String toString() {
        return "BotConfig[mode=" + (socketMode() ? "socket" : "http") + ", bind=" + bindHost + ":" + port
                + ", slashCommand=" + slashCommand + ", apiUrl=" + (apiUrl == null ? "default" : apiUrl)
                + ", admins=" + admins + ", botToken=****, signingSecret=****]";
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String text = blankToNull(env.get(name));
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Invalid(name + " must be a number from " + min + " to " + max + ", got '" + clip(text) + "'");
    }

    private static String clip(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }

    private static String orDefault(String value, String fallback) {
        String text = blankToNull(value);
        return text == null ? fallback : text.strip();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Configuration that cannot work; the message names what to set and is safe to print. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }
}
