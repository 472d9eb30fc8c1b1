package dev.seqmind.neural.classify;

/** The sequence encoder of a classifier. */
public enum Encoder {
    /** A gated recurrent unit over the events. */
    GRU,
    /** A long short-term memory over the events. */
    LSTM
}
