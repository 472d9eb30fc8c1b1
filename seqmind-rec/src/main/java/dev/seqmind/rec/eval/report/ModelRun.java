package dev.seqmind.rec.eval.report;

import dev.seqmind.rec.eval.EvalResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model fitted and evaluated.
 *
 * @param trainer     the trainer's name
 * @param params      its configured values
 * @param baseline    true for a reference model (every classic model is one)
 * @param fitSeconds  wall time of the fit
 * @param result      the evaluation
 */
public record ModelRun(String trainer, Map<String, String> params, boolean baseline, double fitSeconds,
                       EvalResult result) {
    public ModelRun {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
