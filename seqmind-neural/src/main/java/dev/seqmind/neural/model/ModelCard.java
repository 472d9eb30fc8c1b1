package dev.seqmind.neural.model;

import java.util.Map;

/**
 * What a trained neural model is and how good it is, for people deciding whether to serve it.
 *
 * @param model               family and architecture, e.g. "sasrec SasRecConfig[dim=64, ...]"
 * @param training            the training configuration
 * @param dataset             dataset name and source files
 * @param datasetFingerprint  content fingerprint of the data the model was fitted on
 * @param protocol            split and ranking protocol of the metrics, e.g. "leave-one-out, full ranking, seen
 *                            items filtered"
 * @param metrics             metric label to value, e.g. "test NDCG@10" to 0.18
 * @param epochs              epochs trained
 * @param bestEpoch           epoch whose weights were kept
 * @param trainSeconds        wall seconds of training (all resumed sessions)
 * @param secondsPerEpoch     mean wall seconds per epoch
 * @param command             the command line that reproduces the model
 * @param created             ISO-8601 time the card was written
 */
public record ModelCard(String model, String training, String dataset, String datasetFingerprint, String protocol,
                        Map<String, Double> metrics, int epochs, int bestEpoch, double trainSeconds,
                        double secondsPerEpoch, String command, String created) {
    public ModelCard {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
