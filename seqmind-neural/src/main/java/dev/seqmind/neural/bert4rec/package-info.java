/**
 * BERT4Rec (Sun et al., 2019): a bidirectional Transformer over the item sequence trained to recover randomly
 * masked items (cloze task); to recommend, a mask token is appended to the history and its prediction ranks the
 * catalogue.
 */
package dev.seqmind.neural.bert4rec;
