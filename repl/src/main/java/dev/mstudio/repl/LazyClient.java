package dev.mstudio.repl;

import dev.mstudio.client.Checkpoint;
import dev.mstudio.client.CreateFineTuneRequest;
import dev.mstudio.client.CreateImportRequest;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.FineTuneQuery;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.client.LogPage;
import dev.mstudio.client.Page;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * A client that connects on its first call, so that commands needing no service ({@code /help})
 * never pay for the HTTP stack, the configuration or the sandbox.
 */
final class LazyClient implements DashScopeClient {
    private final Supplier<DashScopeClient> connect;
    private DashScopeClient delegate;
    private boolean closed;

    LazyClient(Supplier<DashScopeClient> connect) {
        this.connect = connect;
    }

    /** The real client, connecting now if needed; throws what connecting throws (e.g. ConfigurationException). */
    synchronized DashScopeClient delegate() {
        if (closed) {
            throw new IllegalStateException("mstudio is shutting down");
        }
        if (delegate == null) {
            delegate = connect.get();
        }
        return delegate;
    }

    synchronized boolean connected() {
        return delegate != null;
    }

    @Override
    public Page<ImportJob> listImports(ImportQuery query) throws IOException {
        return delegate().listImports(query);
    }

    @Override
    public ImportJob getImport(String jobId) throws IOException {
        return delegate().getImport(jobId);
    }

    @Override
    public ImportJob createImport(CreateImportRequest request) throws IOException {
        return delegate().createImport(request);
    }

    @Override
    public ImportJob deleteImport(String jobId) throws IOException {
        return delegate().deleteImport(jobId);
    }

    @Override
    public Page<FineTuneJob> listFineTunes(FineTuneQuery query) throws IOException {
        return delegate().listFineTunes(query);
    }

    @Override
    public FineTuneJob getFineTune(String jobId) throws IOException {
        return delegate().getFineTune(jobId);
    }

    @Override
    public FineTuneJob createFineTune(CreateFineTuneRequest request) throws IOException {
        return delegate().createFineTune(request);
    }

    @Override
    public void cancelFineTune(String jobId) throws IOException {
        delegate().cancelFineTune(jobId);
    }

    @Override
    public void deleteFineTune(String jobId) throws IOException {
        delegate().deleteFineTune(jobId);
    }

    @Override
    public LogPage fineTuneLogs(String jobId, int offset, int lines) throws IOException {
        return delegate().fineTuneLogs(jobId, offset, lines);
    }

    @Override
    public List<Checkpoint> checkpoints(String jobId) throws IOException {
        return delegate().checkpoints(jobId);
    }

    @Override
    public dev.mstudio.client.FilePage listFiles(int pageNo, int pageSize) throws IOException {
        return delegate().listFiles(pageNo, pageSize);
    }

    @Override
    public dev.mstudio.client.DataFile getFile(String fileId) throws IOException {
        return delegate().getFile(fileId);
    }

    @Override
    public List<dev.mstudio.client.DataFile> uploadFiles(List<dev.mstudio.client.FileUpload> uploads)
            throws IOException {
        return delegate().uploadFiles(uploads);
    }

    @Override
    public void deleteFile(String fileId) throws IOException {
        delegate().deleteFile(fileId);
    }

    @Override
    public boolean exportCheckpoint(String jobId, String checkpoint, String modelName) throws IOException {
        return delegate().exportCheckpoint(jobId, checkpoint, modelName);
    }

    @Override
    public dev.mstudio.client.DeploymentPage listDeployments(int pageNo, int pageSize) throws IOException {
        return delegate().listDeployments(pageNo, pageSize);
    }

    @Override
    public dev.mstudio.client.Deployment getDeployment(String deployedModel) throws IOException {
        return delegate().getDeployment(deployedModel);
    }

    @Override
    public dev.mstudio.client.Deployment createDeployment(dev.mstudio.client.CreateDeploymentRequest request)
            throws IOException {
        return delegate().createDeployment(request);
    }

    @Override
    public dev.mstudio.client.Deployment scaleDeployment(String deployedModel, int capacity) throws IOException {
        return delegate().scaleDeployment(deployedModel, capacity);
    }

    @Override
    public void deleteDeployment(String deployedModel) throws IOException {
        delegate().deleteDeployment(deployedModel);
    }

    @Override
    public String baseUrl() {
        return delegate().baseUrl();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (delegate != null) {
            delegate.close();
        }
    }
}
