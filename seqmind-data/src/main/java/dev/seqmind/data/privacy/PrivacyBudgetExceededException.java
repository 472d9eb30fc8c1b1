package dev.seqmind.data.privacy;

import dev.seqmind.data.error.SeqmindException;

/** A release refused because it would take a dataset past its privacy budget; nothing was released or charged. */
public final class PrivacyBudgetExceededException extends SeqmindException {
    private static final long serialVersionUID = 1L;

    public PrivacyBudgetExceededException(String message) {
        super(message);
    }
}
