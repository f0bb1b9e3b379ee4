package dev.mstudio.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.sandbox.http.Json;

/** A file kept by the sandbox's file store (content in memory). */
public record StoredFile(String workspace, String fileId, String name, String description, byte[] content, String md5,
                  long createdMs) {

    public ObjectNode toJson() {
        ObjectNode out = Json.object()
                .put("file_id", fileId)
                .put("name", name)
                .put("description", description == null ? "" : description)
                .put("size", content.length)
                .put("md5", md5)
                .put("gmt_create", Json.plain(createdMs))
                .put("purpose", "fine-tune")
                .put("region", "ap-southeast-1");
        return out;
    }
}
