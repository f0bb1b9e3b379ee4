package dev.mstudio.slackbot.notify;

import dev.mstudio.watch.WatchEvent;

/**
 * A core watcher event and which of the notifier's core subscriptions delivered it: the one
 * following a watched job, or the kind-wide one behind channel subscriptions.
 */
record Incoming(Source source, WatchEvent event) {

    enum Source {
        WATCH,
        SUBSCRIPTIONS
    }
}
