/** Measurements of the training path (step time split, output-layer variants), run by {@code seqmind bench}. */
package dev.seqmind.neural.bench;
