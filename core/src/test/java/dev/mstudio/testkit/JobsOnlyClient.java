package dev.mstudio.testkit;

import dev.mstudio.client.CreateDeploymentRequest;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.DataFile;
import dev.mstudio.client.Deployment;
import dev.mstudio.client.DeploymentPage;
import dev.mstudio.client.FilePage;
import dev.mstudio.client.FileUpload;
import java.util.List;

/**
 * The base of in-memory clients that fake only jobs (paging and watcher unit tests): the workflow
 * calls (files, export, deployments) fail the test that reaches them, since that test wants the
 * sandbox instead.
 */
public abstract class JobsOnlyClient implements DashScopeClient {

    @Override
    public FilePage listFiles(int pageNo, int pageSize) {
        throw notFaked();
    }

    @Override
    public DataFile getFile(String fileId) {
        throw notFaked();
    }

    @Override
    public List<DataFile> uploadFiles(List<FileUpload> uploads) {
        throw notFaked();
    }

    @Override
    public void deleteFile(String fileId) {
        throw notFaked();
    }

    @Override
    public boolean exportCheckpoint(String jobId, String checkpoint, String modelName) {
        throw notFaked();
    }

    @Override
    public DeploymentPage listDeployments(int pageNo, int pageSize) {
        throw notFaked();
    }

    @Override
    public Deployment getDeployment(String deployedModel) {
        throw notFaked();
    }

    @Override
    public Deployment createDeployment(CreateDeploymentRequest request) {
        throw notFaked();
    }

    @Override
    public Deployment scaleDeployment(String deployedModel, int capacity) {
        throw notFaked();
    }

    @Override
    public void deleteDeployment(String deployedModel) {
        throw notFaked();
    }

    private static AssertionError notFaked() {
        return new AssertionError("this fake client has jobs only: test files, exports and deployments against the sandbox");
    }
}
