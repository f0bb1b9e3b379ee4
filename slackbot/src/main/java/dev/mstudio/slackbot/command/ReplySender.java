package dev.mstudio.slackbot.command;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts replies to a request's {@code response_url} (valid 30 minutes, up to 5 posts). Failures are
 * logged in one line, without the URL (it is a capability) and never with a token.
 */
final class ReplySender {
    private static final Logger LOG = LoggerFactory.getLogger(ReplySender.class);

    private final Slack slack;

    ReplySender(Slack slack) {
        this.slack = slack;
    }

    /** Sends {@code reply}; returns whether Slack took it. */
    boolean send(String responseUrl, CommandReply reply) {
        if (responseUrl == null || responseUrl.isBlank()) {
            LOG.warn("A reply could not be sent: the request had no response_url");
            return false;
        }
        ActionResponse response = ActionResponse.builder().responseType(reply.responseType()).text(reply.text())
                .blocks(reply.blocks()).replaceOriginal(reply.replaceOriginal()).build();
        try {
            WebhookResponse answer = new Responder(slack, responseUrl).send(response);
            if (answer.getCode() == null || answer.getCode() / 100 != 2) {
                LOG.warn("Slack refused a reply: HTTP {} {}", answer.getCode(), clip(answer.getBody()));
                return false;
            }
            return true;
        } catch (InterruptedIOException e) {
            LOG.debug("A reply was abandoned: the bot is stopping");
            return false;
        } catch (IOException | RuntimeException e) {
            LOG.warn("A reply could not be sent to Slack: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    private static String clip(String body) {
        return body == null ? "" : Kit.clip(body.replaceAll("\\s+", " "), 200);
    }
}
