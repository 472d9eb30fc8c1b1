package dev.seqmind.neural.sasrec;

import dev.seqmind.data.error.InvalidParameterException;

import java.util.Locale;

/** What SASRec reads of a history longer than its window. */
public enum LongHistory {
    /** Only the most recent {@code maxLength} items (plain truncation; what model files before this option hold). */
    NONE,
    /**
     * The window plus a learned summary of everything older: {@link HistoryMemory} memory tokens placed before the
     * window, which every window position may attend to.
     */
    SUMMARY;

    /** {@code none} or {@code summary} (any case), as {@code train --long-history} spells them. */
    public static LongHistory parse(String option, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidParameterException(option, value, "none or summary");
        }
    }
}
