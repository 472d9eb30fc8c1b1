/**
 * GRU4Rec (Hidasi et al., 2016) with the cross-entropy recipe: item embeddings, one GRU layer, a projection back to
 * the embedding space and a full-softmax loss at every position against the tied item embeddings.
 */
package dev.seqmind.neural.gru4rec;
