package dev.mstudio.slackbot.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Files uploaded the way Slack takes them: files.getUploadURLExternal hands out an upload URL and a
 * file ID, the bytes are POSTed there, and files.completeUploadExternal shares them in a channel
 * (or thread) the bot is in. With a folder, each shared file is also saved there and its path printed.
 */
final class Uploads {
    /** The largest file taken, as Slack's own limit is far above what a chart needs. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, byte[]> received = new ConcurrentHashMap<>();
    private final Map<String, String> shared = new ConcurrentHashMap<>();
    private volatile Path folder;
    private volatile PrintStream echo;

    /** Saves every file shared from now on in {@code to}, printing its path to {@code print} (may be null). */
    void saveTo(Path to, PrintStream print) {
        this.folder = to;
        this.echo = print;
    }

    /** files.getUploadURLExternal: a new file ID and where to send its bytes. */
    ObjectNode uploadUrl(String base, JsonNode params) {
        String id = "F" + String.format("%08d", ids.incrementAndGet());
        received.put(id, new byte[0]);
        return Params.JSON.createObjectNode().put("ok", true).put("upload_url", base + "/upload/" + id)
                .put("file_id", id);
    }

    /** The bytes POSTed to an upload URL; false for an ID never handed out or a file over the limit. */
    boolean receive(String id, byte[] bytes) {
        if (!received.containsKey(id) || bytes.length > MAX_BYTES) {
            return false;
        }
        received.put(id, bytes);
        return true;
    }

    /** files.completeUploadExternal, once the channel is known to take it: the error, or null when shared. */
    String complete(JsonNode params, String channel) {
        JsonNode files = params.get("files");
        if (files == null || !files.isArray() || files.isEmpty()) {
            return "invalid_arguments";
        }
        for (JsonNode file : files) {
            byte[] bytes = received.get(file.path("id").asText());
            if (bytes == null || bytes.length == 0) {
                return "file_not_found";
            }
        }
        for (JsonNode file : files) {
            shared.put(file.path("id").asText(), channel);
            save(file.path("id").asText(), file.path("title").asText(""));
        }
        return null;
    }

    ObjectNode completed(JsonNode params) {
        ObjectNode answer = Params.JSON.createObjectNode().put("ok", true);
        ArrayNode files = answer.putArray("files");
        params.get("files").forEach(file -> files.addObject().put("id", file.path("id").asText())
                .put("title", file.path("title").asText("")));
        return answer;
    }

    /** The bytes of a file shared in a channel, or null. */
    byte[] file(String id) {
        return shared.containsKey(id) ? received.get(id) : null;
    }

    /** The IDs of the files shared in {@code channel}, oldest first. */
    List<String> sharedIn(String channel) {
        return shared.entrySet().stream().filter(e -> e.getValue().equals(channel)).map(Map.Entry::getKey).sorted()
                .toList();
    }

    private void save(String id, String title) {
        if (folder == null) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(id + ".png");
            Files.write(file, received.get(id));
            if (echo != null) {
                echo.println("  [file] " + title + " saved to " + file);
            }
        } catch (IOException e) {
            if (echo != null) {
                echo.println("  [file] " + title + " could not be saved: " + e.getMessage());
            }
        }
    }
}
