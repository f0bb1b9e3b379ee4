package dev.mstudio.sandbox.store;

import dev.mstudio.sandbox.http.HttpCall;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Everything the handlers share: settings, randomness, and the stores of jobs, files, deployments and models. */
public final class SandboxState {

    private final Clock clock;
    private final double speed;
    private final double failureRate;
    private final int maxActiveFineTunes;
    private final String apiKey;
    private final Dice dice;
    private final String userId;
    private final String defaultWorkspace;
    private final Workspaces<StoredImport> imports = new Workspaces<>(StatusVocabulary.IMPORT);
    private final Workspaces<StoredFineTune> fineTunes = new Workspaces<>(StatusVocabulary.FINE_TUNE);
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final Map<String, StoredDeployment> deployments = new ConcurrentHashMap<>();
    private final Models models = new Models(fineTunes);
    private final long maxFileBytes;

    public SandboxState(Clock clock, double speed, double failureRate, int maxActiveFineTunes, String apiKey,
                 Dice dice, long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
        this.clock = clock;
        this.speed = speed;
        this.failureRate = failureRate;
        this.maxActiveFineTunes = maxActiveFineTunes;
        this.apiKey = apiKey;
        this.dice = dice;
        this.userId = dice.digits(16);
        this.defaultWorkspace = "llm-" + dice.alnum(16);
    }

    public long now() {
        return clock.millis();
    }

    /** A realistic duration, randomly chosen in {@code [lowMs, highMs]}, divided by the speed. */
    public long duration(long lowMs, long highMs) {
        return scaled(dice.between(lowMs, highMs));
    }

    long scaled(long realisticMs) {
        return Math.max(1, Math.round(realisticMs / speed));
    }

    public boolean decidesFailure() {
        return dice.chance(failureRate);
    }

    public Dice dice() {
        return dice;
    }

    public int maxActiveFineTunes() {
        return maxActiveFineTunes;
    }

    /** The configured key, or {@code null} when any bearer key is accepted. Never printed. */
    public String apiKey() {
        return apiKey;
    }

    public String userId() {
        return userId;
    }

    public String defaultWorkspace() {
        return defaultWorkspace;
    }

    /** The workspace a request acts in: its {@code X-DashScope-WorkSpace} header, else the default one. */
    public String workspace(HttpCall call) {
        String header = call.header("X-DashScope-WorkSpace");
        return header == null || header.isBlank() ? defaultWorkspace : header.trim();
    }

    public Workspaces<StoredImport> imports() {
        return imports;
    }

    public Workspaces<StoredFineTune> fineTunes() {
        return fineTunes;
    }

    /** Uploaded files by ID (every workspace; each file knows its own). */
    public Map<String, StoredFile> files() {
        return files;
    }

    /** Deployments by deployed_model (every workspace; each knows its own). */
    public Map<String, StoredDeployment> deployments() {
        return deployments;
    }

    public Models models() {
        return models;
    }

    /** The largest file an upload may hold. */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    public void reset() {
        imports.clear();
        fineTunes.clear();
        files.clear();
        deployments.clear();
        models.clear();
    }

    /** Freezes a job of either kind in {@code status}; false when no job has that ID. */
    public boolean forceStatus(String jobId, String status) {
        long now = now();
        StoredDeployment deployed = deployments.get(jobId);
        if (deployed != null) {
            deployed.force(status, now);
            return true;
        }
        return force(imports, jobId, status, now) || force(fineTunes, jobId, status, now);
    }

    private static <J extends StoredJob> boolean force(Workspaces<J> jobs, String jobId, String status, long now) {
        return jobs.storeOf(jobId).flatMap(store -> store.get(jobId).map(job -> store.force(job, status, now)))
                .orElse(false);
    }
}
