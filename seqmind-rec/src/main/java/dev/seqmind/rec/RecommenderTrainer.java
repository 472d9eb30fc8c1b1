package dev.seqmind.rec;

import dev.seqmind.data.model.SequenceDataset;

import java.util.LinkedHashMap;
import java.util.Map;

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
     * Every configured value, name to value as text, in declaration order, for provenance: by default the components
     * of a record trainer; a trainer that is not a record lists its configuration itself.
     */
    default Map<String, String> params() {
        Map<String, String> out = new LinkedHashMap<>();
        if (this instanceof Record r) {
            RecordValues.addTo(out, "", r);
        }
        return out;
    }

    /**
     * This trainer with at most {@code epochs} passes over the data, for models trained iteratively (neural ones);
     * others return themselves. Lets a comparison run short trainings of every model alike.
     */
    default RecommenderTrainer withMaxEpochs(int epochs) {
        return this;
    }
}
