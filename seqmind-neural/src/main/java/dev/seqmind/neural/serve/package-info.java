/**
 * Serving without the native engine: a pure-Java forward pass over trained SASRec weights, for single-history,
 * single-thread top-K in a few milliseconds.
 */
package dev.seqmind.neural.serve;
