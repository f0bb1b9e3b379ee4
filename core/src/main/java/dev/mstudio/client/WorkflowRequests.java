package dev.mstudio.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.json.JsonTrees;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Builds the requests of files, checkpoint export and deployments, with the headers of {@link Requests}. */
final class WorkflowRequests {
    private static final String FILES = "files";
    private static final String DEPLOYMENTS = "deployments";
    private static final MediaType JSONL = MediaType.get("application/octet-stream");

    private final Requests requests;

    WorkflowRequests(Requests requests) {
        this.requests = requests;
    }

    Request listFiles(int pageNo, int pageSize) {
        return requests.request(paged(requests.url(FILES), pageNo, pageSize)).get().build();
    }

    Request getFile(String fileId) {
        return requests.request(requests.url(FILES, fileId)).get().build();
    }

    Request deleteFile(String fileId) {
        return requests.request(requests.url(FILES, fileId)).delete().build();
    }

    /** Multipart: a part {@code files} per file (streamed from disk), {@code purpose=fine-tune}, {@code descriptions}. */
    Request uploadFiles(List<FileUpload> uploads) {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (FileUpload upload : uploads) {
            body.addFormDataPart("files", upload.name(), RequestBody.create(upload.path().toFile(), JSONL));
        }
        body.addFormDataPart("purpose", "fine-tune");
        for (FileUpload upload : uploads) {
            if (upload.description() != null) {
                body.addFormDataPart("descriptions", upload.description());
            }
        }
        MultipartBody multipart = body.build();
        return requests.request(requests.url(FILES)).header("Content-Type", multipart.contentType().toString())
                .post(multipart).build();
    }

    Request export(String jobId, String checkpoint, String modelName) {
        HttpUrl url = requests.url("fine-tunes", jobId).newBuilder().addPathSegment("export")
                .addPathSegment(Validation.jobId(checkpoint))
                .addQueryParameter("model_name", Validation.exportName(modelName)).build();
        return requests.request(url).get().build();
    }

    Request listDeployments(int pageNo, int pageSize) {
        return requests.request(paged(requests.url(DEPLOYMENTS), pageNo, pageSize)).get().build();
    }

    Request getDeployment(String deployedModel) {
        return requests.request(requests.url(DEPLOYMENTS, deployedModel)).get().build();
    }

    Request deleteDeployment(String deployedModel) {
        return requests.request(requests.url(DEPLOYMENTS, deployedModel)).delete().build();
    }

    Request createDeployment(CreateDeploymentRequest create) {
        ObjectNode body = JsonTrees.object()
                .put("model_name", create.modelName())
                .put("capacity", create.capacity());
        if (create.plan() != null) {
            body.put("plan", create.plan());
        }
        if (create.suffix() != null) {
            body.put("suffix", create.suffix());
        }
        return requests.request(requests.url(DEPLOYMENTS)).post(json(body)).build();
    }

    Request scaleDeployment(String deployedModel, int capacity) {
        Validation.capacity(capacity);
        HttpUrl url = requests.url(DEPLOYMENTS, deployedModel).newBuilder().addPathSegment("scale").build();
        ObjectNode body = JsonTrees.object()
                .put("deployed_model", Validation.jobId(deployedModel))
                .put("capacity", capacity);
        return requests.request(url).put(json(body)).build();
    }

    private static HttpUrl paged(HttpUrl url, int pageNo, int pageSize) {
        Validation.page(pageNo, pageSize);
        return url.newBuilder().addQueryParameter("page_no", Integer.toString(pageNo))
                .addQueryParameter("page_size", Integer.toString(pageSize)).build();
    }

    private static RequestBody json(ObjectNode body) {
        return RequestBody.create(JsonTrees.bytes(body), Requests.JSON);
    }
}
