package dev.mstudio.slackbot;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.logging.JsonLogging;
import dev.mstudio.slackbot.log.JsonLogProvider;
import dev.mstudio.slackbot.notify.BotStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bot's side of {@code MSTUDIO_LOG_FORMAT}: in JSON mode SLF4J (the bot's lines, Jetty's, the
 * Slack SDK's, HikariCP's, Flyway's) writes through {@link JsonLogProvider} and
 * {@code java.util.logging} through the core's handler, blanking the Slack tokens, the signing
 * secret, the DashScope key and the store's password. Unset, slf4j-simple logs as before.
 */
final class BotLogging {

    /** The variables whose values are secrets. */
    static final List<String> SECRET_VARIABLES = List.of(BotConfig.BOT_TOKEN, BotConfig.SIGNING_SECRET,
            BotConfig.APP_TOKEN, ClientConfig.ENV_API_KEY);
    private static final Pattern PASSWORDS = Pattern.compile("(?i)[?&;]password=([^&;]*)|//[^/@:]*:([^/@]*)@");

    private BotLogging() {
    }

    /**
     * Applies {@code MSTUDIO_LOG_FORMAT} before anything logs; returns whether JSON mode is on.
     *
     * @throws IllegalArgumentException naming the variable when its value is not understood
     */
    static boolean configure(Map<String, String> env) {
        if (!JsonLogging.configure(env, SECRET_VARIABLES)) {
            return false;
        }
        JsonLogging.addSecrets(passwords(env.get(BotStore.ENV_DB)));
        System.setProperty("slf4j.provider", JsonLogProvider.class.getName());
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // SLF4J would announce the provider named above in a line of its own; warnings still show
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        return true;
    }

    /** The passwords in a JDBC URL ({@code password=} parameters, user info), as written and decoded. */
    static List<String> passwords(String url) {
        List<String> found = new ArrayList<>();
        if (url == null) {
            return found;
        }
        Matcher m = PASSWORDS.matcher(url);
        while (m.find()) {
            String raw = m.group(1) != null ? m.group(1) : m.group(2);
            found.add(raw);
            try {
                found.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // not %-encoded after all: the raw value is enough
            }
        }
        return found;
    }
}
