package dev.mstudio.client;

import java.io.IOException;
import java.util.List;

/**
 * The typed DashScope client for import and fine-tune jobs. One instance is shared; it is
 * thread-safe. API failures throw {@link ApiException}; transport failures throw {@link IOException};
 * bad input throws {@link IllegalArgumentException} before anything is sent.
 */
public interface DashScopeClient extends AutoCloseable {

    Page<ImportJob> listImports(ImportQuery query) throws IOException;

    ImportJob getImport(String jobId) throws IOException;

    ImportJob createImport(CreateImportRequest request) throws IOException;

    /** Deletes a terminal import job and returns it as it was. */
    ImportJob deleteImport(String jobId) throws IOException;

    Page<FineTuneJob> listFineTunes(FineTuneQuery query) throws IOException;

    FineTuneJob getFineTune(String jobId) throws IOException;

    FineTuneJob createFineTune(CreateFineTuneRequest request) throws IOException;

    void cancelFineTune(String jobId) throws IOException;

    void deleteFineTune(String jobId) throws IOException;

    /** Log lines from {@code offset} (0 = first), at most {@code lines} (1..1000). */
    LogPage fineTuneLogs(String jobId, int offset, int lines) throws IOException;

    List<Checkpoint> checkpoints(String jobId) throws IOException;

    /** The base URL this client calls, e.g. https://dashscope-intl.aliyuncs.com/api/v1 (never a secret). */
    String baseUrl();

    @Override
    void close();
}
