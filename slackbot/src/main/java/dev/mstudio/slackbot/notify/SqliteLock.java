package dev.mstudio.slackbot.notify;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process per SQLite store: an exclusive lock on {@code FILE.lock} next to the database, held
 * while the store is open (the operating system drops it when the process dies, so a crash never
 * leaves it behind). Within one JVM a set of held paths refuses a second store as well.
 */
final class SqliteLock implements AutoCloseable {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;

    private SqliteLock(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Locks {@code database}'s lock file, or throws a one-line StoreException when another store holds it. */
    static SqliteLock acquire(Path database) throws IOException {
        Path path = database.toAbsolutePath().normalize().resolveSibling(database.getFileName() + ".lock");
        if (!HELD.add(path)) {
            throw inUse(database);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(database);
            }
            return new SqliteLock(path, channel);
        } catch (IOException | RuntimeException e) {
            HELD.remove(path);
            if (channel != null) {
                channel.close();
            }
            if (e instanceof OverlappingFileLockException) {
                throw inUse(database);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel or the process
        } finally {
            HELD.remove(path);
        }
    }

    private static StoreException inUse(Path database) {
        return new StoreException("cannot open the bot store jdbc:sqlite:" + database
                + ": it is in use by another bot process; stop that one, "
                + "or give this one its own file, or use PostgreSQL (" + BotStore.ENV_DB
                + "=jdbc:postgresql://...) to run several replicas", null);
    }
}
