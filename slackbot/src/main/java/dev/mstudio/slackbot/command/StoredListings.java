package dev.mstudio.slackbot.command;

import dev.mstudio.command.ListingMemory;
import dev.mstudio.slackbot.notify.BotStore;
import java.time.Clock;
import java.util.Optional;

/** One (channel, user)'s last listing, kept in the bot's store so that next/prev work on any replica. */
record StoredListings(BotStore store, Caller caller, Clock clock) implements ListingMemory {

    @Override
    public Optional<String> recall() {
        return store.lastListing(caller.channel(), caller.user(), clock.instant());
    }

    @Override
    public void remember(String line) {
        store.rememberListing(caller.channel(), caller.user(), line, clock.instant());
    }
}
