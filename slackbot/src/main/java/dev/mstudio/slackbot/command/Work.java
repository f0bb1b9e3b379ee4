package dev.mstudio.slackbot.command;

import java.time.Duration;

/** Something a request asked for, run off the request thread; each outcome has a reply. */
interface Work {

    /** The answer; may block on the network. */
    CommandReply run();

    /** The reply when {@link #run()} has not finished within {@code limit}. */
    CommandReply late(Duration limit);

    /** The reply when the bot has too much work queued to take this. */
    CommandReply busy();

    /** The reply when {@link #run()} threw. */
    CommandReply broken(RuntimeException error);
}
