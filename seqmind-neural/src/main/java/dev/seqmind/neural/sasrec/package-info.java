/**
 * SASRec (Kang and McAuley, 2018): causal self-attention over the item sequence with learned positions and item
 * embeddings tied to the output layer, trained by default with full-softmax cross-entropy on every position (the
 * "SASRec+" recipe of Klenitskiy and Vasilev, 2023), or with sampled softmax or the original binary cross-entropy.
 */
package dev.seqmind.neural.sasrec;
