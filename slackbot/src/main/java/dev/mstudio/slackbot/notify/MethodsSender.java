package dev.mstudio.slackbot.notify;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.Message;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.Objects;

/** {@link SlackSender} over the Slack SDK's {@link MethodsClient} (which holds the token). */
final class MethodsSender implements SlackSender {
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    /** The metadata event type that marks the bot's own notifications. */
    static final String EVENT_TYPE = "mstudio_outbox";
    /** Sends an upload's bytes to the URL Slack gave; never repeats a request on its own. */
    private static final okhttp3.OkHttpClient UPLOADS = new okhttp3.OkHttpClient.Builder()
            .retryOnConnectionFailure(false).callTimeout(Duration.ofSeconds(60)).build();
    private static final String IDS = "ids";
    private static final int PAGE = 200;
    static final String NOT_INVITED = "I am not in this channel, so I cannot post here (a private channel or "
            + "a direct message is invisible to me until I am added). Type `/invite @mstudio` here, then try again.";
    private static final int MAX_PAGES = 10;
    /** The scopes an upload needs: to share files, and to open a direct message. */
    static final String FILES_WRITE = "files:write";
    static final String IM_WRITE = "im:write";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final MethodsClient client;

    MethodsSender(MethodsClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public SendResult post(String channel, String threadTs, boolean broadcast, Payload payload) {
        try {
            ChatPostMessageResponse response = client.chatPostMessage(r -> r.channel(channel)
                    .text(payload.text())
                    .blocksAsString(payload.blocksJson())
                    .threadTs(threadTs)
                    .metadata(metadata(payload))
                    .replyBroadcast(threadTs != null && broadcast)
                    .unfurlLinks(false)
                    .unfurlMedia(false));
            return response.isOk() ? SendResult.ok(response.getTs()) : SendResult.slackError(response.getError());
        } catch (SlackApiException e) {
            return fromException(e);
        } catch (IOException | RuntimeException e) {
            return SendResult.transientFailure(describe(e));
        }
    }

    @Override
    public SendResult update(String channel, String ts, Payload payload) {
        try {
            ChatUpdateResponse response = client.chatUpdate(r -> r.channel(channel)
                    .ts(ts)
                    .text(payload.text())
                    .blocksAsString(payload.blocksJson()));
            return response.isOk() ? SendResult.ok(response.getTs()) : SendResult.slackError(response.getError());
        } catch (SlackApiException e) {
            return fromException(e);
        } catch (IOException | RuntimeException e) {
            return SendResult.transientFailure(describe(e));
        }
    }

    @Override
    public Lookup find(String channel, String threadTs, Instant since, long entryId) {
        try {
            String cursor = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                String from = cursor;
                List<Message> messages;
                String next;
                if (threadTs == null) {
                    ConversationsHistoryResponse history = client.conversationsHistory(r -> r.channel(channel)
                            .oldest(seconds(since.minus(CLOCK_SKEW))).includeAllMetadata(true).limit(PAGE)
                            .cursor(from));
                    if (!history.isOk()) {
                        return Lookup.unknown(history.getError());
                    }
                    messages = history.getMessages();
                    next = history.getResponseMetadata() == null ? null : history.getResponseMetadata().getNextCursor();
                } else {
                    ConversationsRepliesResponse replies = client.conversationsReplies(r -> r.channel(channel)
                            .ts(threadTs).includeAllMetadata(true).limit(PAGE).cursor(from));
                    if (!replies.isOk()) {
                        return Lookup.unknown(replies.getError());
                    }
                    messages = replies.getMessages();
                    next = replies.getResponseMetadata() == null ? null : replies.getResponseMetadata().getNextCursor();
                }
                Lookup found = match(messages, entryId);
                if (found.result() == Lookup.Result.FOUND) {
                    return found;
                }
                if (next == null || next.isBlank()) {
                    return Lookup.absent();
                }
                cursor = next;
            }
            return Lookup.unknown("too many messages to search");
        } catch (SlackApiException | IOException | RuntimeException e) {
            return Lookup.unknown(describe(e));
        }
    }

    /**
     * {@inheritDoc} A user ID stands for the bot's direct message with that user, opened first
     * (conversations.open): files.completeUploadExternal, unlike chat.postMessage, takes no user ID.
     */
    @Override
    public SendResult upload(String channel, String threadTs, String filename, String title, byte[] bytes) {
        try {
            String conversation = channel;
            if (SlackSender.USER_ID.matcher(channel).matches()) {
                ConversationsOpenResponse opened = client.conversationsOpen(r -> r.users(List.of(channel)));
                if (!opened.isOk() || opened.getChannel() == null) {
                    return SendResult.slackError(opened.getError(), IM_WRITE);
                }
                conversation = opened.getChannel().getId();
            }
            FilesGetUploadURLExternalResponse url = client.filesGetUploadURLExternal(r -> r.filename(filename)
                    .length(bytes.length));
            if (!url.isOk()) {
                return SendResult.slackError(url.getError(), FILES_WRITE);
            }
            SendResult sent = send(url.getUploadUrl(), bytes);
            if (sent.outcome() != SendResult.Outcome.OK) {
                return sent;
            }
            String into = conversation;
            FilesCompleteUploadExternalResponse done = client.filesCompleteUploadExternal(r -> r
                    .files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder().id(url.getFileId())
                            .title(title).build()))
                    .channelId(into).threadTs(threadTs));
            return done.isOk() ? SendResult.ok(threadTs) : SendResult.slackError(done.getError(), FILES_WRITE);
        } catch (SlackApiException e) {
            return fromException(e);
        } catch (IOException | RuntimeException e) {
            return SendResult.transientFailure(describe(e));
        }
    }

    /** A file's bytes, POSTed to the upload URL Slack handed out. */
    private static SendResult send(String uploadUrl, byte[] bytes) throws IOException {
        okhttp3.Request put = new okhttp3.Request.Builder().url(uploadUrl)
                .post(okhttp3.RequestBody.create(bytes, okhttp3.MediaType.get("image/png"))).build();
        try (okhttp3.Response sent = UPLOADS.newCall(put).execute()) {
            return sent.isSuccessful() ? SendResult.ok(null) : SendResult.transientFailure("upload HTTP " + sent.code());
        }
    }

    @Override
    public java.util.Optional<String> cannotPost(String channel) {
        try {
            ConversationsInfoResponse info = client.conversationsInfo(r -> r.channel(channel));
            if (info.isOk()) {
                Conversation conversation = info.getChannel();
                boolean member = conversation == null || conversation.isMember() || conversation.isIm();
                return member ? java.util.Optional.empty() : java.util.Optional.of(NOT_INVITED);
            }
            return switch (info.getError() == null ? "" : info.getError()) {
                case "channel_not_found" -> java.util.Optional.of(NOT_INVITED);
                case "missing_scope" -> java.util.Optional.of("The mstudio app lacks the scopes to see this channel: "
                        + "add channels:read, groups:read, im:read and mpim:read (and the history scopes) in the "
                        + "app's OAuth settings, then reinstall it.");
                default -> java.util.Optional.empty();
            };
        } catch (SlackApiException | IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The metadata naming the outbox entries a post delivers, or null when it names none. */
    static Message.Metadata metadata(Payload payload) {
        if (payload.stamp().isEmpty()) {
            return null;
        }
        StringBuilder ids = new StringBuilder();
        payload.stamp().forEach(id -> ids.append(ids.length() == 0 ? "" : ",").append(id));
        return Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(Map.of(IDS, ids.toString())).build();
    }

    /** The message whose metadata names {@code entryId}, with every entry it names. */
    static Lookup match(List<Message> messages, long entryId) {
        for (Message message : messages == null ? List.<Message>of() : messages) {
            Message.Metadata metadata = message.getMetadata();
            if (metadata == null || !EVENT_TYPE.equals(metadata.getEventType()) || metadata.getEventPayload() == null) {
                continue;
            }
            List<Long> ids = new ArrayList<>();
            for (String id : String.valueOf(metadata.getEventPayload().get(IDS)).split(",")) {
                try {
                    ids.add(Long.parseLong(id.trim()));
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
            if (ids.contains(entryId)) {
                return Lookup.found(message.getTs(), ids);
            }
        }
        return Lookup.absent();
    }

    private static String seconds(Instant at) {
        return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1_000);
    }

    /** A non-2xx answer: 429 with Retry-After, 5xx transient, others by Slack's error code. */
    static SendResult fromException(SlackApiException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        if (status == 429) {
            return SendResult.rateLimited(retryAfter(e.getResponse().header("Retry-After")));
        }
        if (status >= 500 || status == 0) {
            return SendResult.transientFailure("HTTP " + status);
        }
        String code = e.getError() == null ? null : e.getError().getError();
        return code == null ? SendResult.transientFailure("HTTP " + status) : SendResult.slackError(code);
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return Duration.ofSeconds(Math.max(1, Math.min(seconds, 3600)));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ");
        String line = e.getClass().getSimpleName() + message;
        return line.length() <= 200 ? line : line.substring(0, 200);
    }
}
