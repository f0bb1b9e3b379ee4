package dev.mstudio.sandbox;

/** What the job store needs of a job. */
interface Job {

    String id();

    /** A second unique key (an import's model name), or {@code null}. */
    String uniqueName();

    JobKind kind();

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
