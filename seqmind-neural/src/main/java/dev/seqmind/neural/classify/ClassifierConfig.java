package dev.seqmind.neural.classify;

import dev.seqmind.data.error.InvalidParameterException;

import java.util.Objects;

/**
 * A sequence classifier's settings.
 *
 * @param encoder    GRU or LSTM
 * @param dim        event embedding size
 * @param hidden     recurrent state size
 * @param maxLength  the most recent events an input keeps
 * @param epochs     at most this many passes over the training examples
 * @param batch      examples per step
 * @param lr         Adam learning rate
 * @param patience   epochs without a better validation ROC AUC before stopping (0: never stop early)
 */
public record ClassifierConfig(Encoder encoder, int dim, int hidden, int maxLength, int epochs, int batch, float lr,
                               int patience) {
    public ClassifierConfig {
        Objects.requireNonNull(encoder, "encoder");
        InvalidParameterException.requireInRange("dim", dim, 1, 4096);
        InvalidParameterException.requireInRange("hidden", hidden, 1, 8192);
        InvalidParameterException.requireInRange("maxLength", maxLength, 1, 100_000);
        InvalidParameterException.requireInRange("epochs", epochs, 1, 100_000);
        InvalidParameterException.requireInRange("batch", batch, 1, 1 << 20);
        if (!(lr > 0)) {
            throw new InvalidParameterException("lr", lr, "> 0");
        }
        InvalidParameterException.requireInRange("patience", patience, 0, 100_000);
    }

    /** 32-dim events, 64 state units, 200 events, 20 epochs of 128, lr 1e-3, patience 3. */
    public static ClassifierConfig defaults(Encoder encoder) {
        return new ClassifierConfig(encoder, 32, 64, 200, 20, 128, 1e-3f, 3);
    }
}
