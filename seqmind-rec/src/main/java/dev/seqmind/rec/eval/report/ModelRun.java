package dev.seqmind.rec.eval.report;

import dev.seqmind.rec.eval.EvalResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model fitted and evaluated.
 *
 * @param trainer     the trainer's name
 * @param params      its configured values
 * @param baseline    true for a reference model (every classic model is one)
 * @param fitSeconds  wall time of the fit
 * @param result      the evaluation
 * @param protocols   the same model on cold-start subsets of the test cases ({@link dev.seqmind.rec.eval.ColdStart}),
 *                    in protocol order; empty when none was asked for
 */
public record ModelRun(String trainer, Map<String, String> params, boolean baseline, double fitSeconds,
                       EvalResult result, List<ProtocolResult> protocols) {
    public ModelRun {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        protocols = List.copyOf(protocols);
    }

    public ModelRun(String trainer, Map<String, String> params, boolean baseline, double fitSeconds,
                    EvalResult result) {
        this(trainer, params, baseline, fitSeconds, result, List.of());
    }

    /** The same run shown as {@code label} in its results and protocol results (e.g. to tell two models apart). */
    public ModelRun labelled(String label) {
        List<ProtocolResult> renamed = new java.util.ArrayList<>();
        for (ProtocolResult p : protocols) {
            renamed.add(new ProtocolResult(p.protocol(), p.description(), p.result().map(r -> relabel(r, label))));
        }
        return new ModelRun(trainer, params, baseline, fitSeconds, relabel(result, label), renamed);
    }

    private static EvalResult relabel(EvalResult r, String label) {
        return new EvalResult(label, r.ranking(), r.config(), r.ks(), r.perUser(), r.beyond(), r.seconds(),
                r.usersPerSecond());
    }

    /**
     * One protocol's evaluation.
     *
     * @param protocol     e.g. "cold-item"
     * @param description  which cases it kept
     * @param result       the evaluation on those cases (absent when no case qualified)
     */
    public record ProtocolResult(String protocol, String description, java.util.Optional<EvalResult> result) {
    }
}
