package dev.seqmind.rec;

import dev.seqmind.data.model.SequenceDataset;

/**
 * A configured way to fit a {@link Recommender}. Fitting never changes the trainer: the same trainer, dataset and
 * context seed give the same model.
 */
public interface RecommenderTrainer {
    /** The model family name used on the command line and in reports, e.g. "pop", "sasrec". */
    String name();

    /** Fits a new model on {@code train}; the model must never see events outside it. */
    Recommender fit(SequenceDataset train, FitContext context);

    /**
     * This trainer with at most {@code epochs} passes over the data, for models trained iteratively (neural ones);
     * others return themselves. Lets a comparison run short trainings of every model alike.
     */
    default RecommenderTrainer withMaxEpochs(int epochs) {
        return this;
    }
}
