package dev.mstudio.client;

import static dev.mstudio.client.JsonFields.array;
import static dev.mstudio.client.JsonFields.field;
import static dev.mstudio.client.JsonFields.integer;
import static dev.mstudio.client.JsonFields.longValue;
import static dev.mstudio.client.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.json.JsonTrees;
import java.util.ArrayList;
import java.util.List;

/** Maps the file and deployment answers to their records; unknown fields stay in raw(). */
final class WorkflowMapping {
    private static final int DEFAULT_PAGE_SIZE = 10;

    private WorkflowMapping() {
    }

    static DataFile file(Reply reply, JsonNode node, String where) {
        if (node == null || !node.isObject() || blank(text(node, "file_id"))) {
            throw reply.unexpected(where + " is not a file object with a file_id");
        }
        return new DataFile(text(node, "file_id"), text(node, "name"), text(node, "description"),
                longValue(node, "size"), text(node, "md5"), text(node, "gmt_create"), node);
    }

    static FilePage filePage(Reply reply, int askedNo, int askedSize) {
        JsonNode data = reply.requireObject("a page of files");
        JsonNode items = items(reply, data, "files");
        List<DataFile> files = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            files.add(file(reply, items.get(i), "files[" + i + "]"));
        }
        return new FilePage(files, orElse(integer(data, "total"), files.size()),
                orElse(integer(data, "page_no"), askedNo), orElse(integer(data, "page_size"), askedSize),
                reply.requestId());
    }

    /**
     * {@code data.uploaded_files[{file_id,name}]}; any {@code data.failed_uploads} entry makes the
     * whole upload a failure (an {@link ApiException} naming each file, its code and message).
     */
    static List<DataFile> uploaded(Reply reply) {
        JsonNode data = reply.requireObject("an upload result");
        JsonNode failed = array(data, "failed_uploads");
        if (failed != null && !failed.isEmpty()) {
            List<String> why = new ArrayList<>();
            String code = null;
            for (JsonNode failure : failed) {
                code = code != null ? code : text(failure, "code");
                why.add(text(failure, "name") + ": " + text(failure, "code") + " " + text(failure, "message"));
            }
            throw new ApiException(reply.httpStatus(), code == null ? "UploadFailed" : code,
                    "Upload failed for " + failed.size() + " file(s): " + String.join("; ", why), reply.requestId());
        }
        JsonNode items = items(reply, data, "uploaded_files");
        List<DataFile> files = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            files.add(file(reply, items.get(i), "uploaded_files[" + i + "]"));
        }
        return files;
    }

    static Deployment deployment(Reply reply, JsonNode node, String where) {
        if (node == null || !node.isObject() || blank(text(node, "deployed_model"))) {
            throw reply.unexpected(where + " is not a deployment with a deployed_model");
        }
        return new Deployment(text(node, "deployed_model"), text(node, "model_name"), text(node, "base_model"),
                text(node, "status"), integer(node, "capacity"), integer(node, "ready_capacity"),
                integer(node, "base_capacity"), text(node, "charge_type"), text(node, "workspace_id"),
                text(node, "gmt_create"), text(node, "gmt_modified"), text(node, "creator"),
                text(node, "modifier"), node);
    }

    static DeploymentPage deploymentPage(Reply reply, int askedNo, int askedSize) {
        JsonNode output = reply.requireObject("a page of deployments");
        JsonNode items = items(reply, output, "deployments");
        List<Deployment> deployments = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            deployments.add(deployment(reply, items.get(i), "deployments[" + i + "]"));
        }
        return new DeploymentPage(deployments, orElse(integer(output, "total"), deployments.size()),
                orElse(integer(output, "page_no"), askedNo), orElse(integer(output, "page_size"), askedSize),
                reply.requestId());
    }

    /** {@code output: true|false} (a string "true" is accepted). */
    static boolean exported(Reply reply) {
        JsonNode output = reply.output();
        if (output.isBoolean()) {
            return output.booleanValue();
        }
        if (output.isTextual() && ("true".equalsIgnoreCase(output.asText()) || "false".equalsIgnoreCase(output.asText()))) {
            return Boolean.parseBoolean(output.asText().toLowerCase(java.util.Locale.ROOT));
        }
        throw reply.unexpected("output is not true or false (" + output.getNodeType() + ")");
    }

    private static JsonNode items(Reply reply, JsonNode container, String name) {
        JsonNode items = array(container, name);
        if (items != null) {
            return items;
        }
        if (field(container, name) != null) {
            throw reply.unexpected("\"" + name + "\" is not a list");
        }
        return JsonTrees.array();
    }

    private static int orElse(Integer value, int fallback) {
        return value != null && value > 0 ? value : Math.max(fallback, value == null ? 0 : value);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static int defaultPageSize() {
        return DEFAULT_PAGE_SIZE;
    }
}
