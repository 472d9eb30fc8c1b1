/**
 * Differentially private pattern release: frequent sequential patterns and itemsets whose supports are counted with a
 * bounded contribution per user, released with calibrated noise, and chosen privately (a noisy threshold on keys
 * found in the data, then candidates built only from what was already released). Rules are derived from the
 * released patterns alone, at no extra privacy cost. Mechanisms come from {@code dev.seqmind.data.privacy}.
 */
package dev.seqmind.mining.privacy;
