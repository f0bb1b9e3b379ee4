package dev.mstudio.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.sandbox.http.ApiError;
import dev.mstudio.sandbox.http.HttpCall;
import dev.mstudio.sandbox.http.Json;
import dev.mstudio.sandbox.http.Multipart;
import dev.mstudio.sandbox.http.QueryParams;
import dev.mstudio.sandbox.http.Router;
import dev.mstudio.sandbox.store.SandboxState;
import dev.mstudio.sandbox.store.StoredFile;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /api/v1/files}: upload (multipart, a part {@code files} per file), list, get and delete,
 * answered under {@code data} as the service does. Files live in memory, at most
 * {@link SandboxState#maxFileBytes()} each; a file over it is reported in {@code failed_uploads}.
 */
final class FilesApi {
    static final String COLLECTION = "/api/v1/files";
    static final String ITEM = COLLECTION + "/{file_id}";
    /** The most files the store keeps (every workspace together); uploads beyond it are refused. */
    static final int MAX_FILES = 10_000;

    private final SandboxState state;

    FilesApi(SandboxState state) {
        this.state = state;
    }

    void register(Router router) {
        router.data("POST", COLLECTION, this::upload);
        router.data("GET", COLLECTION, this::list);
        router.data("GET", ITEM, this::get);
        router.data("DELETE", ITEM, this::delete);
    }

    private JsonNode upload(HttpCall call) {
        if (call.bytes().length > HttpCall.MAX_UPLOAD_BYTES) {
            throw ApiError.invalid("The request body is larger than " + HttpCall.MAX_UPLOAD_BYTES
                    + " bytes, the most this sandbox takes in one upload.");
        }
        List<Multipart.Part> parts = Multipart.parse(call.header("Content-Type"), call.bytes());
        List<Multipart.Part> files = parts.stream().filter(part -> part.name().equals("files")).toList();
        List<String> descriptions = parts.stream().filter(part -> part.name().equals("descriptions"))
                .map(Multipart.Part::text).toList();
        String purpose = parts.stream().filter(part -> part.name().equals("purpose")).map(Multipart.Part::text)
                .findFirst().orElse(null);
        if (files.isEmpty()) {
            throw ApiError.invalid("Missing required parameter: files.");
        }
        if (!"fine-tune".equals(purpose)) {
            throw ApiError.invalid("purpose must be fine-tune; got " + purpose + ".");
        }
        ObjectNode out = Json.object();
        ArrayNode uploaded = out.putArray("uploaded_files");
        ArrayNode failed = out.putArray("failed_uploads");
        for (int i = 0; i < files.size(); i++) {
            String description = i < descriptions.size() ? descriptions.get(i) : null;
            store(call, files.get(i), description, uploaded, failed);
        }
        return out;
    }

    private void store(HttpCall call, Multipart.Part part, String description, ArrayNode uploaded, ArrayNode failed) {
        String name = part.filename() == null || part.filename().isBlank() ? "file" : part.filename();
        if (part.content().length > state.maxFileBytes()) {
            failed.addObject().put("name", name).put("code", "FileTooLarge")
                    .put("message", "The file is larger than " + state.maxFileBytes() + " bytes.");
            return;
        }
        if (part.content().length == 0) {
            failed.addObject().put("name", name).put("code", "InvalidFile").put("message", "The file is empty.");
            return;
        }
        if (files().size() >= MAX_FILES) {
            failed.addObject().put("name", name).put("code", "Throttling").put("message", "Too many files.");
            return;
        }
        StoredFile file = new StoredFile(state.workspace(call), state.dice().uuid(), name, description,
                part.content(), md5(part.content()), state.now());
        files().put(file.fileId(), file);
        uploaded.addObject().put("file_id", file.fileId()).put("name", name);
    }

    private JsonNode list(HttpCall call) {
        int pageNo = QueryParams.pageNo(call);
        int pageSize = QueryParams.pageSize(call);
        String workspace = state.workspace(call);
        List<StoredFile> mine = new ArrayList<>(files().values().stream()
                .filter(file -> file.workspace().equals(workspace)).toList());
        mine.sort((a, b) -> Long.compare(b.createdMs(), a.createdMs()));
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("files");
        mine.stream().skip((long) (pageNo - 1) * pageSize).limit(pageSize).forEach(file -> items.add(file.toJson()));
        return out.put("total", mine.size()).put("page_no", pageNo).put("page_size", pageSize);
    }

    private JsonNode get(HttpCall call) {
        return find(call).toJson();
    }

    private JsonNode delete(HttpCall call) {
        StoredFile file = find(call);
        files().remove(file.fileId());
        return Json.object().put("file_id", file.fileId()).put("deleted", true);
    }

    private StoredFile find(HttpCall call) {
        String id = call.var("file_id");
        StoredFile file = files().get(id);
        if (file == null || !file.workspace().equals(state.workspace(call))) {
            throw ApiError.notFound("File " + id + " not found.");
        }
        return file;
    }

    private Map<String, StoredFile> files() {
        return state.files();
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, StoredFile> newStore() {
        return new ConcurrentHashMap<>();
    }
}
