package dev.mstudio.slackbot;

import java.io.IOException;
import java.sql.SQLException;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process that sets up logging as {@code ./mstudio bot} does and then logs what libraries and a
 * careless caller might: a secret in a message, a password in an exception, a request value with
 * line breaks, through SLF4J and {@code java.util.logging}. {@link JsonLogTest} reads its stderr.
 */
public final class JsonLogProbe {
    static final String HOSTILE = "x\n{\"level\":\"ERROR\",\"message\":\"forged\"}\r\n[main] ERROR forged\u2028end";

    private JsonLogProbe() {
    }

    public static void main(String[] args) {
        if (!BotLogging.configure(System.getenv())) {
            throw new IllegalStateException("MSTUDIO_LOG_FORMAT=json expected");
        }
        String token = System.getenv(BotConfig.BOT_TOKEN);
        String password = BotLogging.passwords(System.getenv("MSTUDIO_DB")).get(0);
        Logger slack = LoggerFactory.getLogger("com.slack.api.methods.impl.MethodsClientImpl");
        slack.warn("Calling chat.postMessage with token {}", token);
        Logger store = LoggerFactory.getLogger("com.zaxxer.hikari.pool.HikariPool");
        store.error("Exception during pool initialization.", new SQLException(
                "Connection to jdbc:postgresql://db:5432/bot?user=bot&password=" + password + " refused"));
        Logger bot = LoggerFactory.getLogger("dev.mstudio.slackbot.SlackRequestFilter");
        bot.info("Refused a signed Slack request for text {}", HOSTILE);
        bot.debug("below the level: never written");
        java.util.logging.Logger.getLogger("okhttp3.OkHttpClient").log(Level.WARNING,
                "A connection to http://bot:" + password + "@127.0.0.1/ was leaked",
                new IOException("key " + System.getenv("DASHSCOPE_API_KEY") + " refused"));
    }
}
