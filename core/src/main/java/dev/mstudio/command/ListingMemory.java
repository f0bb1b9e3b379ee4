package dev.mstudio.command;

import java.util.Optional;

/**
 * Where a session keeps the listing it showed last, for {@code /next} and {@code /prev}: the
 * listing's command written out in full with the page shown ("imports --status RUNNING --page 2
 * --size 10"). A front end that runs in several processes (the bot's replicas) keeps it in a shared
 * store, so that {@code next} in one continues a listing another showed; the line is parsed and run
 * again there. Without one, a session keeps its listing in memory.
 */
public interface ListingMemory {

    /** The listing command shown last, with its page; empty when there is none (or it was forgotten). */
    Optional<String> recall();

    /** Replaces what is remembered with {@code line}. */
    void remember(String line);
}
