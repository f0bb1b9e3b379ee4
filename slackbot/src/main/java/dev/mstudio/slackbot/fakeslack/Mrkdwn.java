package dev.mstudio.slackbot.fakeslack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack mrkdwn made readable as plain text, lightly: line breaks and code spans are kept, {@code *bold*}
 * and {@code _italic_} lose their markers where that is unambiguous, {@code <url|label>},
 * {@code <@U1>} and {@code <!date^...|fallback>} become their label, and {@code &lt; &gt; &amp;} are
 * unescaped.
 */
final class Mrkdwn {
    private static final Pattern CODE = Pattern.compile("```[\\s\\S]*?```|`[^`\\n]+`");
    private static final Pattern SPECIAL = Pattern.compile("<([^<>\\n]+)>");
    /** A marker pair around non-blank text, with no word character or marker just outside it. */
    private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*\\n]*?\\S)\\*(?![\\w*])");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w_])_(?=\\S)([^_\\n]*?\\S)_(?![\\w_])");

    private Mrkdwn() {
    }

    /** {@code mrkdwn} as plain text; code spans are only unescaped. */
    static String plain(String mrkdwn) {
        if (mrkdwn == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Matcher code = CODE.matcher(mrkdwn);
        int from = 0;
        while (code.find()) {
            out.append(prose(mrkdwn.substring(from, code.start()))).append(unescape(code.group()));
            from = code.end();
        }
        return out.append(prose(mrkdwn.substring(from))).toString();
    }

    /** {@code &lt; &gt; &amp;} back to {@code < > &}. */
    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String prose(String text) {
        String marked = SPECIAL.matcher(text).replaceAll(match -> Matcher.quoteReplacement(special(match.group(1))));
        String plain = ITALIC.matcher(BOLD.matcher(marked).replaceAll("$1")).replaceAll("$1");
        return unescape(plain);
    }

    /** The inside of {@code <...>}: a link, a mention or a date. */
    private static String special(String inside) {
        int bar = inside.indexOf('|');
        String target = bar < 0 ? inside : inside.substring(0, bar);
        String label = bar < 0 ? null : inside.substring(bar + 1);
        if (target.startsWith("@") || target.startsWith("#")) {
            return label == null || label.isEmpty() ? target : target.charAt(0) + label;
        }
        if (target.startsWith("!")) {
            return label != null ? label : "@" + target.substring(1);
        }
        if (label == null || label.isEmpty() || label.equals(target)) {
            return target;
        }
        return label + " (" + target + ")";
    }
}
