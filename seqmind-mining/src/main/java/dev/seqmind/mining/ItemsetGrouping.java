package dev.seqmind.mining;

/** How events of a {@link dev.seqmind.data.model.SequenceDataset} become itemsets of a {@link SequenceDatabase}. */
public enum ItemsetGrouping {
    /** Events with equal time form one itemset (SPMF semantics: they happened together). */
    SAME_TIME,
    /** Every event is its own itemset (plain item sequences, e.g. SASRec files whose times are positions). */
    EACH_EVENT
}
