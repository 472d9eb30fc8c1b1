package dev.seqmind.rec.topk;

/** Whether a top-K request also explains each recommended item (explaining may rescore the history). */
public enum Explain {
    /** Items and scores only: the fast path. */
    NONE,
    /** Each item carries the model's {@link dev.seqmind.rec.Explanation}. */
    EACH
}
