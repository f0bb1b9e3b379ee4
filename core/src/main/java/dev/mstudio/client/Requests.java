package dev.mstudio.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.json.JsonTrees;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Builds every request the client sends: the URL (job IDs added with {@code addPathSegment}, so
 * "a/b" or "../x" stay one escaped segment; query parameters only when non-null), the headers
 * and the JSON bodies.
 */
final class Requests {
    static final MediaType JSON = MediaType.get("application/json");
    static final String WORKSPACE_HEADER = "X-DashScope-WorkSpace";
    private static final String IMPORTS = "custom_models/import";
    private static final String FINE_TUNES = "fine-tunes";

    private final HttpUrl base;
    private final String authorization;
    private final String workspace;
    private final String userAgent;

    Requests(ClientConfig config, String userAgent) {
        this.base = HttpUrl.get(config.baseUrl());
        this.authorization = "Bearer " + config.apiKey();
        this.workspace = config.workspace();
        this.userAgent = userAgent;
    }

    Request listImports(ImportQuery query) {
        HttpUrl.Builder url = url(IMPORTS).newBuilder();
        query(url, "page_no", query.pageNo());
        query(url, "page_size", query.pageSize());
        query(url, "status", query.status());
        query(url, "model_name", query.modelName());
        return request(url.build()).get().build();
    }

    Request getImport(String jobId) {
        return request(url(IMPORTS, jobId)).get().build();
    }

    Request createImport(CreateImportRequest create) {
        ObjectNode body = JsonTrees.object();
        body.put("model_name", create.baseModel());
        if (create.displayName() != null) {
            body.put("display_name", create.displayName());
        }
        body.put("source", "oss");
        body.put("weight_type", create.weightType());
        body.putObject("storage_info")
                .put("bucket_name", create.bucketName())
                .put("object_key", create.objectKey());
        return request(url(IMPORTS)).post(json(body)).build();
    }

    Request deleteImport(String jobId) {
        return request(url(IMPORTS, jobId)).delete().build();
    }

    Request listFineTunes(FineTuneQuery query) {
        HttpUrl.Builder url = url(FINE_TUNES).newBuilder();
        query(url, "page_no", query.pageNo());
        query(url, "page_size", query.pageSize());
        query(url, "model", query.model());
        query(url, "status", query.status());
        return request(url.build()).get().build();
    }

    Request getFineTune(String jobId) {
        return request(url(FINE_TUNES, jobId)).get().build();
    }

    Request createFineTune(CreateFineTuneRequest create) {
        ObjectNode body = JsonTrees.object();
        body.put("model", create.model());
        strings(body.putArray("training_file_ids"), create.trainingFileIds());
        if (!create.validationFileIds().isEmpty()) {
            strings(body.putArray("validation_file_ids"), create.validationFileIds());
        }
        ObjectNode hyper = hyperParameters(create.hyperParameters());
        if (!hyper.isEmpty()) {
            body.set("hyper_parameters", hyper);
        }
        putIfPresent(body, "training_type", create.trainingType());
        putIfPresent(body, "finetuned_output_suffix", create.finetunedOutputSuffix());
        return request(url(FINE_TUNES)).post(json(body)).build();
    }

    Request cancelFineTune(String jobId) {
        HttpUrl url = url(FINE_TUNES, jobId).newBuilder().addPathSegment("cancel").build();
        return request(url).post(RequestBody.create(new byte[0], JSON)).build();
    }

    Request deleteFineTune(String jobId) {
        return request(url(FINE_TUNES, jobId)).delete().build();
    }

    Request fineTuneLogs(String jobId, int offset, int lines) {
        HttpUrl url = url(FINE_TUNES, jobId).newBuilder()
                .addPathSegment("logs")
                .addQueryParameter("offset", Integer.toString(offset))
                .addQueryParameter("line", Integer.toString(lines))
                .build();
        return request(url).get().build();
    }

    Request checkpoints(String jobId) {
        HttpUrl url = url(FINE_TUNES, jobId).newBuilder().addPathSegment("checkpoints").build();
        return request(url).get().build();
    }

    /** {@code base/collection}. */
    HttpUrl url(String collection) {
        return base.newBuilder().addPathSegments(collection).build();
    }

    /** {@code base/collection/jobId}; the ID is validated (null and blank refused), then escaped as one segment. */
    HttpUrl url(String collection, String jobId) {
        return base.newBuilder().addPathSegments(collection).addPathSegment(Validation.jobId(jobId)).build();
    }

    Request.Builder request(HttpUrl url) {
        Request.Builder request = new Request.Builder()
                .url(url)
                .header("Authorization", authorization)
                .header("Content-Type", JSON.toString())
                .header("User-Agent", userAgent);
        if (workspace != null) {
            request.header(WORKSPACE_HEADER, workspace);
        }
        return request;
    }

    private static ObjectNode hyperParameters(HyperParameters hyper) {
        ObjectNode node = JsonTrees.object();
        if (hyper == null) {
            return node;
        }
        if (hyper.nEpochs() != null) {
            node.put("n_epochs", hyper.nEpochs());
        }
        if (hyper.batchSize() != null) {
            node.put("batch_size", hyper.batchSize());
        }
        if (hyper.maxLength() != null) {
            node.put("max_length", hyper.maxLength());
        }
        putIfPresent(node, "learning_rate", hyper.learningRate());
        putIfPresent(node, "lr_scheduler_type", hyper.lrSchedulerType());
        if (hyper.split() != null) {
            node.put("split", hyper.split());
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** Adds {@code name=value} only when there is a (non-blank) value. */
    private static void query(HttpUrl.Builder url, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            url.addQueryParameter(name, value.toString());
        }
    }

    private static RequestBody json(ObjectNode body) {
        return RequestBody.create(JsonTrees.bytes(body), JSON);
    }
}
