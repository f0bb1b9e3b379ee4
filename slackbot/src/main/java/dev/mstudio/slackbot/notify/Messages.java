package dev.mstudio.slackbot.notify;

import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.slackbot.blocks.Limits;
import dev.mstudio.slackbot.blocks.MessageBuilder;
import dev.mstudio.slackbot.blocks.SlackMessage;
import dev.mstudio.slackbot.blocks.SlackText;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Renders notifications as text (no links) plus Block Kit, both escaped for Slack (&amp;, &lt;, &gt;); a
 * payload's digest line stays raw until the digest escapes it. The clock only stamps "updated".
 */
final class Messages {
    /** How long one log line under a failure may be. */
    static final int MAX_TAIL_LINE = 240;
    private static final int MAX_DETAIL = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ROOT);

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
        MessageBuilder message = new MessageBuilder().text(text.toString());
        message.section(emoji(job.kind(), job.status()) + " *" + escape(title(job.kind(), job.id()))
                + "* is *" + escape(job.status()) + "*" + (detail == null ? "" : "\n" + escape(detail)),
                Stream.of(field("Model", job.model()), field("Name", job.displayName())).toList());
        message.context(List.of(watcher("Watching", userId) + " · updated " + TIME.format(clock.instant())));
        return payload(message, false, null);
    }

    /** The watch message once the service no longer knows the job. */
    Payload goneMessage(JobKind kind, String jobId, String userId) {
        MessageBuilder message = new MessageBuilder().text(title(kind, jobId) + " no longer exists (deleted)");
        message.section(":wastebasket: *" + escape(title(kind, jobId)) + "* no longer exists (deleted)");
        message.context(List.of(watcher("Watched", userId) + " · updated " + TIME.format(clock.instant())));
        return payload(message, false, null);
    }

    /**
     * The thread reply when a watched job ends; a failure is also broadcast to the channel and
     * mentions the person who started the watch, so that they are notified.
     */
    Payload reply(Job job, String userId) {
        return reply(job, userId, List.of());
    }

    /** As {@link #reply(Job, String)}, with the last lines of a failed job's log under it. */
    Payload reply(Job job, String userId, List<String> tail) {
        boolean failed = Outcomes.isFailure(job.kind(), job.status());
        String line = line(job);
        boolean mention = failed && userId != null && userId.matches("[UW][A-Z0-9]{2,32}");
        String prefix = mention ? "<@" + userId + "> " : "";
        MessageBuilder message = new MessageBuilder().text(line);
        message.section(prefix + SlackText.mrkdwn(line, Limits.SECTION_TEXT - prefix.length()));
        addTail(message, tail);
        return payload(message, failed, line);
    }

    /** The last lines of a failed job's log, as a code block: what sends people to the console otherwise. */
    private static void addTail(MessageBuilder message, List<String> tail) {
        if (tail.isEmpty()) {
            return;
        }
        if (tail.size() == 1 && tail.get(0).startsWith(TrainingDetails.BEST)) {
            message.section(":trophy: " + escape(SlackText.clip(tail.get(0), MAX_TAIL_LINE)));
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (String raw : tail) {
            String shown = SlackText.clip(raw.replace("```", "'''"), MAX_TAIL_LINE);
            lines.append(lines.length() == 0 ? "" : "\n").append(escape(shown));
        }
        message.section("Last log lines:\n```" + SlackText.clip(lines.toString(), Limits.SECTION_TEXT - 40) + "```");
    }

    Payload goneReply(JobKind kind, String jobId) {
        return lineMessage(":wastebasket: " + title(kind, jobId) + " no longer exists (deleted)", false);
    }

    /** A watchdog's alert about a running job: one line, flagged. */
    Payload alert(String text) {
        return lineMessage(":rotating_light: " + text, false);
    }

    /** A subscription's channel message about one terminal transition. */
    Payload notice(Job job) {
        return notice(job, List.of());
    }

    /** As {@link #notice(Job)}, with the last lines of a failed job's log. */
    Payload notice(Job job, List<String> tail) {
        if (tail.isEmpty()) {
            return lineMessage(line(job), false);
        }
        String line = line(job);
        MessageBuilder message = new MessageBuilder().text(line);
        message.section(SlackText.mrkdwn(line, Limits.SECTION_TEXT));
        addTail(message, tail);
        return payload(message, false, line);
    }

    /** The channel's message of the day under which subscriptions reply with what they keep out of the channel. */
    Payload dayThread(java.time.LocalDate day) {
        String headline = "Jobs that ended on " + DAY.format(day) + " (UTC)";
        MessageBuilder message = new MessageBuilder().text(headline);
        message.section(":spiral_calendar_pad: *" + escape(headline) + "*");
        message.context(List.of("Outcomes this channel's subscriptions keep out of the channel are replies in this "
                + "thread (`--broadcast`); `/mstudio subscriptions` lists them."));
        return payload(message, false, null);
    }

    /**
     * One message standing for the first notices of a burst, in their order: as many as fit in one
     * message Slack accepts; the rest are left for the next digest.
     */
    Digest digest(List<Payload> notices) {
        return Digest.of(notices);
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

    /** "Import job ID", "Fine-tune job ID", "Deployment NAME". */
    static String title(JobKind kind, String jobId) {
        String noun = kind.noun();
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + " " + jobId;
    }

    static String emoji(JobKind kind, String status) {
        String upper = status == null ? "" : status.toUpperCase(Locale.ROOT);
        if (kind.isSuccess(upper)) {
            return ":white_check_mark:";
        }
        return switch (upper) {
            case "FAILED" -> ":x:";
            case "CANCELED", "STOPPED" -> ":no_entry_sign:";
            case "RUNNING", "DEPLOYING", "UPDATING", "DELETING" -> ":arrows_counterclockwise:";
            case "PENDING" -> ":hourglass_flowing_sand:";
            case Outcomes.GONE -> ":wastebasket:";
            default -> ":grey_question:";
        };
    }

    /** Slack mrkdwn control characters. */
    static String escape(String text) {
        return SlackText.escape(text);
    }

    /** "Watching for @user" when the user ID looks like a Slack ID, else just the verb. */
    private static String watcher(String verb, String userId) {
        return userId != null && userId.matches("[A-Z0-9]{2,32}") ? verb + " for <@" + userId + ">" : verb;
    }

    /** A message of one line; the line is kept raw for a digest. */
    private static Payload lineMessage(String line, boolean broadcast) {
        MessageBuilder message = new MessageBuilder().text(line);
        message.section(SlackText.mrkdwn(line, Limits.SECTION_TEXT));
        return payload(message, broadcast, line);
    }

    private static Payload payload(MessageBuilder message, boolean broadcast, String line) {
        SlackMessage built = message.build();
        return new Payload(built.text(), built.blocks(), broadcast, line);
    }

    private static String field(String name, String value) {
        return value == null || value.isBlank() ? null
                : "*" + name + "*\n" + SlackText.mrkdwn(value, Limits.FIELD_TEXT - name.length() - 3);
    }
}
