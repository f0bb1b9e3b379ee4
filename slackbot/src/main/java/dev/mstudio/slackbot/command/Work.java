package dev.mstudio.slackbot.command;

import java.time.Duration;

/** Something a request asked for, run off the request thread; each outcome has a reply. */
interface Work {

    /** The answer; may block on the network. */
    Reply run();

    /** The reply when {@link #run()} has not finished within {@code limit}. */
    Reply late(Duration limit);

    /** The reply when the bot has too much work queued to take this. */
    Reply busy();

    /** The reply when {@link #run()} threw. */
    Reply broken(RuntimeException error);
}
