/**
 * Markov chains of order 1 to 3 over item sequences with back-off: a history's longest known context decides first,
 * shorter contexts next, training popularity last.
 */
package dev.seqmind.rec.model.markov;
