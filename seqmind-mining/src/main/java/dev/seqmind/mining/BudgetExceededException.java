package dev.seqmind.mining;

import dev.seqmind.data.error.SeqmindException;

/**
 * A search stopped because it hit a {@link MiningBudget} limit. Patterns emitted before the stop were delivered to
 * the sink; the result is incomplete. The message names the limit and what to change.
 */
public final class BudgetExceededException extends SeqmindException {
    private static final long serialVersionUID = 1L;

    private final long patternsEmitted;

    public BudgetExceededException(String message, long patternsEmitted) {
        super(message);
        this.patternsEmitted = patternsEmitted;
    }

    /** Patterns delivered to the sink before the stop. */
    public long patternsEmitted() {
        return patternsEmitted;
    }
}
