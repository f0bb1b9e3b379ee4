package dev.mstudio.client;

import java.io.IOException;
import java.util.List;
import okhttp3.Request;

/**
 * The calls of the fine-tuning workflow (files, checkpoint export, deployments), sent through the
 * client's one {@link Caller} (its retry policy, decoder and transport errors). Uploads, creates,
 * exports and scales are never retried; deletes only when the request cannot have arrived.
 */
final class WorkflowCalls {

    /** How the client sends one request under a retry mode. */
    @FunctionalInterface
    interface Caller {
        Reply call(RetryMode mode, Request request) throws IOException;
    }

    private final WorkflowRequests requests;
    private final Caller caller;

    WorkflowCalls(WorkflowRequests requests, Caller caller) {
        this.requests = requests;
        this.caller = caller;
    }

    FilePage listFiles(int pageNo, int pageSize) throws IOException {
        return WorkflowMapping.filePage(caller.call(RetryMode.IDEMPOTENT, requests.listFiles(pageNo, pageSize)),
                pageNo, pageSize);
    }

    DataFile getFile(String fileId) throws IOException {
        Reply reply = caller.call(RetryMode.IDEMPOTENT, requests.getFile(fileId));
        return WorkflowMapping.file(reply, reply.output(), "the file");
    }

    List<DataFile> uploadFiles(List<FileUpload> uploads) throws IOException {
        if (uploads == null || uploads.isEmpty()) {
            throw new IllegalArgumentException("Nothing to upload: name at least one file");
        }
        for (FileUpload upload : uploads) {
            long size = java.nio.file.Files.size(upload.path());
            if (size > FileUpload.MAX_BYTES) {
                throw new IllegalArgumentException(upload.name() + " is " + size + " bytes; the most a file may be is 1 GB");
            }
        }
        return WorkflowMapping.uploaded(caller.call(RetryMode.NEVER, requests.uploadFiles(uploads)));
    }

    void deleteFile(String fileId) throws IOException {
        caller.call(RetryMode.UNLESS_DELIVERED, requests.deleteFile(fileId));
    }

    boolean export(String jobId, String checkpoint, String modelName) throws IOException {
        return WorkflowMapping.exported(caller.call(RetryMode.NEVER, requests.export(jobId, checkpoint, modelName)));
    }

    DeploymentPage listDeployments(int pageNo, int pageSize) throws IOException {
        return WorkflowMapping.deploymentPage(
                caller.call(RetryMode.IDEMPOTENT, requests.listDeployments(pageNo, pageSize)), pageNo, pageSize);
    }

    Deployment getDeployment(String deployedModel) throws IOException {
        return deployment(caller.call(RetryMode.IDEMPOTENT, requests.getDeployment(deployedModel)));
    }

    Deployment createDeployment(CreateDeploymentRequest request) throws IOException {
        return deployment(caller.call(RetryMode.NEVER, requests.createDeployment(request)));
    }

    Deployment scaleDeployment(String deployedModel, int capacity) throws IOException {
        return deployment(caller.call(RetryMode.NEVER, requests.scaleDeployment(deployedModel, capacity)));
    }

    void deleteDeployment(String deployedModel) throws IOException {
        caller.call(RetryMode.UNLESS_DELIVERED, requests.deleteDeployment(deployedModel));
    }

    private static Deployment deployment(Reply reply) {
        return WorkflowMapping.deployment(reply, reply.output(), "the deployment");
    }
}
