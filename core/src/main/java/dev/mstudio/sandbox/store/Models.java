package dev.mstudio.sandbox.store;

import dev.mstudio.sandbox.http.ApiError;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models a workspace can deploy: checkpoints exported under a name, the output models of its
 * fine-tune jobs, and the catalogue's base models. Each maps to its base model.
 */
public final class Models {
    static final int MAX_EXPORTS = 10_000;

    private final Map<String, String> exported = new ConcurrentHashMap<>();
    private final Workspaces<StoredFineTune> fineTunes;

    Models(Workspaces<StoredFineTune> fineTunes) {
        this.fineTunes = fineTunes;
    }

    /** Records {@code name} as exported in {@code workspace}; false when the name is taken there. */
    public boolean export(String workspace, String name, String baseModel) {
        if (exported.size() >= MAX_EXPORTS) {
            throw ApiError.throttled("Too many exported models.", 60);
        }
        return exported.putIfAbsent(key(workspace, name), baseModel) == null;
    }

    public Optional<String> baseOf(String workspace, String model) {
        String base = exported.get(key(workspace, model));
        if (base != null) {
            return Optional.of(base);
        }
        if (Catalog.FINE_TUNE_MODELS.contains(model)) {
            return Optional.of(model);
        }
        return fineTunes.in(workspace).findFirst(job -> job.finetunedOutput().equals(model)).map(StoredFineTune::model);
    }

    void clear() {
        exported.clear();
    }

    private static String key(String workspace, String name) {
        return workspace + "\n" + name;
    }
}
