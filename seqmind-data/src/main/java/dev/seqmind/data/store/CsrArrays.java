package dev.seqmind.data.store;

/**
 * The four CSR arrays of a dataset as read from a store, before they are adopted by a
 * {@link dev.seqmind.data.model.SequenceDataset}. Package-private carrier; the arrays are not copied.
 */
record CsrArrays(int[] offsets, int[] items, long[] times, byte[] actions) {
}
