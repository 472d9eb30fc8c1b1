package dev.seqmind.neural.text;

import dev.seqmind.data.error.InvalidParameterException;

/**
 * The behaviour sentence as a user-side feature of {@code sasrec-text} ({@code train --user-text}): how the sentence
 * is made and how often a training row gets one. Saved in the model directory's {@code text.json}.
 *
 * @param historyItems most recent items put into the sentence (as {@code lm-zero-shot}'s, default 10)
 * @param verb         the sentence's verb, e.g. "Watched"
 * @param every        a training row gets a new sentence after every this many items ({@link
 *                     dev.seqmind.neural.nn.HistoryFeature}); inference always uses the whole history's sentence
 */
public record UserText(int historyItems, String verb, int every) {
    /** The defaults: the last 10 items, "Watched", a new training sentence every 25 items. */
    public static final UserText DEFAULTS = new UserText(10, "Watched", 25);

    public UserText {
        InvalidParameterException.requireInRange("--user-text-items", historyItems, 1, 1000);
        if (verb == null || verb.isBlank()) {
            throw new InvalidParameterException("--user-text-verb", "'" + verb + "'", "a non-blank word");
        }
        InvalidParameterException.requireInRange("--user-text-every", every, 1, 100_000);
    }
}
