package dev.mstudio.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models a workspace can deploy: checkpoints exported under a name, the output models of its
 * fine-tune jobs, and the catalogue's base models. Each maps to its base model.
 */
final class Models {
    static final int MAX_EXPORTS = 10_000;

    private final Map<String, String> exported = new ConcurrentHashMap<>();
    private final Workspaces<FineTuneJob> fineTunes;

    Models(Workspaces<FineTuneJob> fineTunes) {
        this.fineTunes = fineTunes;
    }

    /** Records {@code name} as exported in {@code workspace}; false when the name is taken there. */
    boolean export(String workspace, String name, String baseModel) {
        if (exported.size() >= MAX_EXPORTS) {
            throw ApiError.throttled("Too many exported models.", 60);
        }
        return exported.putIfAbsent(key(workspace, name), baseModel) == null;
    }

    Optional<String> baseOf(String workspace, String model) {
        String base = exported.get(key(workspace, model));
        if (base != null) {
            return Optional.of(base);
        }
        if (Catalog.FINE_TUNE_MODELS.contains(model)) {
            return Optional.of(model);
        }
        return fineTunes.in(workspace).findFirst(job -> job.finetunedOutput().equals(model)).map(FineTuneJob::model);
    }

    void clear() {
        exported.clear();
    }

    private static String key(String workspace, String name) {
        return workspace + "\n" + name;
    }
}
