package dev.mstudio.dataset;

/** One thing wrong in a dataset: the file's name, the line (from 1; 0 for the file as a whole) and what. */
public record Problem(String file, long line, String what) {
    /** "train.jsonl line 7: no assistant turn in messages". */
    @Override
    public String toString() {
        return line > 0 ? file + " line " + line + ": " + what : file + ": " + what;
    }
}
