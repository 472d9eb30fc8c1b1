package dev.seqmind.rec.model.rules;

/** When a rule's antecedent counts as present in a history. */
public enum Matching {
    /** The antecedent equals the last items of the history (contiguous, ending at the most recent item). */
    SUFFIX,
    /** The antecedent occurs in order, gaps allowed, within the last {@code window} items of the history. */
    SUBSEQUENCE,
    /** Every antecedent item occurs, in any order, within the last {@code window} items (mined sequential rules). */
    SET
}
