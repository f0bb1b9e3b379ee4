package dev.mstudio.sandbox.store;

/** What the job store needs of a job. */
public interface StoredJob {

    String id();

    /** A second unique key (an import's model name), or {@code null}. */
    String uniqueName();

    StatusVocabulary kind();

    Lifecycle lifecycle();

    default String status(long now) {
        return lifecycle().status(kind(), now);
    }

    default boolean isTerminal(long now) {
        return lifecycle().isTerminal(kind(), now);
    }

    default long createdMs() {
        return lifecycle().createdMs();
    }
}
