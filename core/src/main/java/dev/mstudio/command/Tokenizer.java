package dev.mstudio.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words, shell style: whitespace separates words, single or double
 * quotes keep spaces inside one word, a backslash escapes the next character.
 */
final class Tokenizer {

    /** One word: its text without quotes, where it starts and ends in the line, and whether it was quoted. */
    record Token(String text, int start, int end, boolean quoted) {
    }

    /** The words of a line, and whether a quote was left open at its end. */
    record Words(List<Token> tokens, boolean unclosedQuote) {
        Words {
            tokens = List.copyOf(tokens);
        }
    }

    private Tokenizer() {
    }

    static Words split(String line) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int start = -1;
        char quote = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == 0 && separates(c)) {
                if (start >= 0) {
                    tokens.add(new Token(word.toString(), start, i, quoted));
                    word.setLength(0);
                    start = -1;
                    quoted = false;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (c == '\\' && i + 1 < line.length() && quote != '\'') {
                word.append(line.charAt(++i));
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
                quoted = true;
            } else if (c == quote) {
                quote = 0;
            } else {
                word.append(c);
            }
        }
        if (start >= 0) {
            tokens.add(new Token(word.toString(), start, line.length(), quoted));
        }
        return new Words(tokens, quote != 0);
    }

    /**
     * Whether a character separates words: any Unicode space or line break, including the
     * no-break spaces (U+00A0, U+2007, U+202F) and U+2028/U+2029 that chat clients insert.
     */
    static boolean separates(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Quotes a word when it would not survive {@link #split} as one word. */
    static String quote(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> separates(c)
                || c == '"' || c == '\'' || c == '\\')) {
            return word;
        }
        return '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
