package dev.mstudio.slackbot.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders notifications as text (no links) plus Block Kit, both escaped for Slack (&amp;, &lt;, &gt;); a
 * payload's digest line stays raw until the digest escapes it. The clock only stamps "updated".
 */
final class Messages {
    static final int MAX_DIGEST_LINES = 40;
    private static final int MAX_DETAIL = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    Messages(Clock clock) {
        this.clock = clock;
    }

    /** The channel's one message about a watched job, as it is now. */
    Payload watchMessage(Job job, String userId) {
        String headline = title(job.kind(), job.id()) + " is " + job.status();
        StringBuilder text = new StringBuilder(headline);
        if (job.model() != null) {
            text.append(" (model ").append(job.model()).append(')');
        }
        String detail = failureDetail(job);
        if (detail != null) {
            text.append(" - ").append(detail);
        }
        ArrayNode blocks = Payload.JSON.createArrayNode();
        ObjectNode section = section(emoji(job.kind(), job.status()) + " *" + escape(title(job.kind(), job.id()))
                + "* is *" + escape(job.status()) + "*" + (detail == null ? "" : "\n" + escape(detail)));
        ArrayNode fields = section.putArray("fields");
        field(fields, "Model", job.model());
        field(fields, "Name", job.displayName());
        if (fields.isEmpty()) {
            section.remove("fields");
        }
        blocks.add(section);
        blocks.add(context(watcher("Watching", userId) + " · updated "
                + TIME.format(clock.instant())));
        return new Payload(escape(text.toString()), blocks, false, null);
    }

    /** The watch message once the service no longer knows the job. */
    Payload goneMessage(JobKind kind, String jobId, String userId) {
        String text = title(kind, jobId) + " no longer exists (deleted)";
        ArrayNode blocks = Payload.JSON.createArrayNode();
        blocks.add(section(":wastebasket: *" + escape(title(kind, jobId)) + "* no longer exists (deleted)"));
        blocks.add(context(watcher("Watched", userId) + " · updated "
                + TIME.format(clock.instant())));
        return new Payload(escape(text), blocks, false, null);
    }

    /** The thread reply when a watched job ends; failures are also broadcast to the channel. */
    Payload reply(Job job) {
        String line = line(job);
        boolean failed = Outcomes.isFailure(job.kind(), job.status());
        return new Payload(escape(line), blocks(line), failed, line);
    }

    Payload goneReply(JobKind kind, String jobId) {
        String line = ":wastebasket: " + title(kind, jobId) + " no longer exists (deleted)";
        return new Payload(escape(line), blocks(line), false, line);
    }

    /** A subscription's channel message about one terminal transition. */
    Payload notice(Job job) {
        String line = line(job);
        return new Payload(escape(line), blocks(line), false, line);
    }

    /** One message standing for a burst of completion notices, in their order. */
    Payload digest(List<Payload> notices) {
        StringBuilder text = new StringBuilder(notices.size() + " jobs finished:");
        int shown = Math.min(notices.size(), MAX_DIGEST_LINES);
        for (int i = 0; i < shown; i++) {
            Payload notice = notices.get(i);
            text.append('\n').append("• ").append(notice.line() != null ? notice.line() : notice.text());
        }
        if (notices.size() > shown) {
            text.append("\n…and ").append(notices.size() - shown).append(" more");
        }
        ArrayNode blocks = Payload.JSON.createArrayNode();
        blocks.add(section(escape(text.toString())));
        return new Payload(escape(text.toString()), blocks, false, null);
    }

    /** One line about a finished job: outcome, job, model and the error the service gave. */
    static String line(Job job) {
        StringBuilder line = new StringBuilder(emoji(job.kind(), job.status())).append(' ')
                .append(title(job.kind(), job.id())).append(' ').append(job.status());
        if (job.model() != null) {
            line.append(" (model ").append(job.model()).append(')');
        }
        String detail = failureDetail(job);
        if (detail != null) {
            line.append(" - ").append(detail);
        }
        return line.toString();
    }

    /** error_code for imports, code and message for fine-tunes; null when the job carries none. */
    static String failureDetail(Job job) {
        if (job instanceof ImportJob imported && imported.errorCode() != null) {
            return "error_code: " + imported.errorCode();
        }
        if (job instanceof FineTuneJob fineTune && (fineTune.code() != null || fineTune.message() != null)) {
            String detail = (fineTune.code() != null ? "code: " + fineTune.code() : "")
                    + (fineTune.code() != null && fineTune.message() != null ? ", " : "")
                    + (fineTune.message() != null ? "message: " + fineTune.message() : "");
            return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
        }
        return null;
    }

    static String title(JobKind kind, String jobId) {
        String label = kind.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " job " + jobId;
    }

    static String emoji(JobKind kind, String status) {
        String upper = status == null ? "" : status.toUpperCase(Locale.ROOT);
        if (kind.isSuccess(upper)) {
            return ":white_check_mark:";
        }
        return switch (upper) {
            case "FAILED" -> ":x:";
            case "CANCELED" -> ":no_entry_sign:";
            case "RUNNING" -> ":arrows_counterclockwise:";
            case "PENDING" -> ":hourglass_flowing_sand:";
            case Outcomes.GONE -> ":wastebasket:";
            default -> ":grey_question:";
        };
    }

    /** Slack mrkdwn control characters. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** "Watching for @user" when the user ID looks like a Slack ID, else just the verb. */
    private static String watcher(String verb, String userId) {
        return userId != null && userId.matches("[A-Z0-9]{2,32}") ? verb + " for <@" + userId + ">" : verb;
    }

    private static ArrayNode blocks(String line) {
        ArrayNode blocks = Payload.JSON.createArrayNode();
        blocks.add(section(escape(line)));
        return blocks;
    }

    private static ObjectNode section(String mrkdwn) {
        ObjectNode section = Payload.JSON.createObjectNode().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
        return section;
    }

    private static ObjectNode context(String mrkdwn) {
        ObjectNode context = Payload.JSON.createObjectNode().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", mrkdwn);
        return context;
    }

    private static void field(ArrayNode fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.addObject().put("type", "mrkdwn").put("text", "*" + name + "*\n" + escape(value));
        }
    }
}
