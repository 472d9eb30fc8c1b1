/**
 * Serving without the native engine: a pure-Java forward pass over trained SASRec weights, for single-history,
 * single-thread top-K in a few milliseconds; the hybrid SASRec's fused item table, and the hybrids' content path for
 * items added after a model was saved ({@code HybridParts}).
 */
package dev.seqmind.neural.serve;
