package dev.mstudio.sandbox;

import java.time.Clock;

/** Everything the handlers share: settings, randomness, the two job stores and traffic records. */
final class SandboxState {

    private final Clock clock;
    private final double speed;
    private final double failureRate;
    private final int maxActiveFineTunes;
    private final String apiKey;
    private final Dice dice;
    private final String userId;
    private final String defaultWorkspace;
    private final Workspaces<ImportJob> imports = new Workspaces<>(JobKind.IMPORT);
    private final Workspaces<FineTuneJob> fineTunes = new Workspaces<>(JobKind.FINE_TUNE);
    private final Traffic traffic = new Traffic();
    private final java.util.Map<String, StoredFile> files = FilesApi.newStore();
    private final java.util.Map<String, DeployedModel> deployments = new java.util.concurrent.ConcurrentHashMap<>();
    private final Models models = new Models(fineTunes);
    private final long maxFileBytes;
    private volatile Faults faults = Faults.NONE;

    SandboxState(Clock clock, double speed, double failureRate, int maxActiveFineTunes, String apiKey,
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

    long now() {
        return clock.millis();
    }

    /** A realistic duration, randomly chosen in {@code [lowMs, highMs]}, divided by the speed. */
    long duration(long lowMs, long highMs) {
        return scaled(dice.between(lowMs, highMs));
    }

    long scaled(long realisticMs) {
        return Math.max(1, Math.round(realisticMs / speed));
    }

    boolean decidesFailure() {
        return dice.chance(failureRate);
    }

    Dice dice() {
        return dice;
    }

    int maxActiveFineTunes() {
        return maxActiveFineTunes;
    }

    /** The configured key, or {@code null} when any bearer key is accepted. Never printed. */
    String apiKey() {
        return apiKey;
    }

    String userId() {
        return userId;
    }

    String defaultWorkspace() {
        return defaultWorkspace;
    }

    /** The workspace a request acts in: its {@code X-DashScope-WorkSpace} header, else the default one. */
    String workspace(HttpCall call) {
        String header = call.header("X-DashScope-WorkSpace");
        return header == null || header.isBlank() ? defaultWorkspace : header.trim();
    }

    Workspaces<ImportJob> imports() {
        return imports;
    }

    Workspaces<FineTuneJob> fineTunes() {
        return fineTunes;
    }

    /** Uploaded files by ID (every workspace; each file knows its own). */
    java.util.Map<String, StoredFile> files() {
        return files;
    }

    /** Deployments by deployed_model (every workspace; each knows its own). */
    java.util.Map<String, DeployedModel> deployments() {
        return deployments;
    }

    Models models() {
        return models;
    }

    /** The largest file an upload may hold. */
    long maxFileBytes() {
        return maxFileBytes;
    }

    Traffic traffic() {
        return traffic;
    }

    Faults faults() {
        return faults;
    }

    void faults(Faults faults) {
        this.faults = java.util.Objects.requireNonNull(faults, "faults");
    }

    void reset() {
        imports.clear();
        fineTunes.clear();
        files.clear();
        deployments.clear();
        models.clear();
        traffic.clear();
    }

    /** Freezes a job of either kind in {@code status}; false when no job has that ID. */
    boolean forceStatus(String jobId, String status) {
        long now = now();
        DeployedModel deployed = deployments.get(jobId);
        if (deployed != null) {
            deployed.force(status, now);
            return true;
        }
        return force(imports, jobId, status, now) || force(fineTunes, jobId, status, now);
    }

    private static <J extends Job> boolean force(Workspaces<J> jobs, String jobId, String status, long now) {
        return jobs.storeOf(jobId).flatMap(store -> store.get(jobId).map(job -> store.force(job, status, now)))
                .orElse(false);
    }
}
