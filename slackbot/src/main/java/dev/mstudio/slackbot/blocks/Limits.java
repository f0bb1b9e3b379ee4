package dev.mstudio.slackbot.blocks;

/**
 * What Slack accepts in one message (Block Kit reference, chat.postMessage). Lengths are counted in
 * UTF-16 code units, which is never less than Slack's own character count.
 */
public final class Limits {
    /** Blocks in one message. */
    public static final int BLOCKS = 50;
    /** A section's text. */
    public static final int SECTION_TEXT = 3_000;
    /** Fields in a section. */
    public static final int FIELDS = 10;
    /** One field's text. */
    public static final int FIELD_TEXT = 2_000;
    /** A header's plain_text. */
    public static final int HEADER_TEXT = 150;
    /** Elements of a context block. */
    public static final int CONTEXT_ELEMENTS = 10;
    /** Elements of an actions block. */
    public static final int ACTION_ELEMENTS = 25;
    /** A button's text. */
    public static final int BUTTON_TEXT = 75;
    /** A button's value. */
    public static final int BUTTON_VALUE = 2_000;
    /** A button's action_id. */
    public static final int ACTION_ID = 255;
    /** The top-level {@code text} of a message. */
    public static final int MESSAGE_TEXT = 40_000;

    private Limits() {
    }
}
