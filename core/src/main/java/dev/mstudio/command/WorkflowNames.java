package dev.mstudio.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file IDs, deployed models and checkpoints this session has seen (listed, shown, created), for
 * Tab completion without a network call. Bounded (oldest forgotten first); thread-safe.
 */
final class WorkflowNames {
    static final int CAPACITY = 1_000;

    private final Map<String, String> files = bounded();
    private final Map<String, String> deployments = bounded();
    private final Map<String, List<String>> checkpoints = bounded();

    synchronized void file(String id, String description) {
        put(files, id, description);
    }

    synchronized void forgetFile(String id) {
        files.remove(id);
    }

    synchronized void deployment(String id, String description) {
        put(deployments, id, description);
    }

    synchronized void forgetDeployment(String id) {
        deployments.remove(id);
    }

    synchronized void checkpoints(String jobId, List<String> names) {
        if (jobId != null) {
            checkpoints.put(jobId, List.copyOf(names));
        }
    }

    synchronized List<Candidate> files(String typed) {
        return matching(files, typed, "file");
    }

    synchronized List<Candidate> deployments(String typed) {
        return matching(deployments, typed, "deployment");
    }

    /** The checkpoint names seen, of every job listed (newest listing first, each name once). */
    synchronized List<Candidate> checkpoints(String typed) {
        List<Candidate> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> jobs = new ArrayList<>(checkpoints.keySet());
        for (int i = jobs.size() - 1; i >= 0; i--) {
            for (String name : checkpoints.get(jobs.get(i))) {
                if (name.startsWith(typed) && out.size() < SlotValues.MOST && seen.add(name)) {
                    out.add(new Candidate(name, "checkpoint of " + jobs.get(i), true));
                }
            }
        }
        return out;
    }

    private static List<Candidate> matching(Map<String, String> names, String typed, String what) {
        List<Candidate> out = new ArrayList<>();
        List<String> keys = new ArrayList<>(names.keySet());
        for (int i = keys.size() - 1; i >= 0 && out.size() < SlotValues.MOST; i--) {
            String key = keys.get(i);
            if (key.startsWith(typed)) {
                String description = names.get(key);
                out.add(new Candidate(key, description == null ? what : description, true));
            }
        }
        return out;
    }

    private static void put(Map<String, String> names, String id, String description) {
        if (id != null) {
            names.remove(id);
            names.put(id, description);
        }
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }
}
