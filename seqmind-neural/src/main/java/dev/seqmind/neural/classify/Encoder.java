package dev.seqmind.neural.classify;

/** The sequence encoder of a classifier. */
public enum Encoder {
    /** A gated recurrent unit over the events. */
    GRU,
    /** A long short-term memory over the events. */
    LSTM,
    /**
     * Two causal self-attention blocks (SASRec+'s block style) over the embedded events and their positions; the
     * state at the last event reads every earlier one.
     */
    TRANSFORMER
}
