/**
 * An LSTM next-item recommender: GRU4Rec's recipe (tied item embeddings, cross-entropy over every item, right-padded
 * sequences) with a long short-term memory cell in place of the GRU.
 */
package dev.seqmind.neural.lstm;
