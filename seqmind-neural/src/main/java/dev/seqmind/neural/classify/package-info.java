/**
 * Sequence classification on the engine: a recurrent encoder (GRU or LSTM) over a prefix's events and a logistic
 * head, trained with binary cross-entropy, early-stopped on validation ROC AUC. Data and measures come from
 * {@code dev.seqmind.rec.classify}.
 */
package dev.seqmind.neural.classify;
