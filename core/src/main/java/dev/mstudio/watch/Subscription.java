package dev.mstudio.watch;

/** A listener's registration with a {@link JobWatcher}; closing it stops delivery (idempotent). */
public interface Subscription extends AutoCloseable {

    WatchFilter filter();

    boolean isOpen();

    @Override
    void close();
}
