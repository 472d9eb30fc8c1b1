/**
 * SR-GNN (Wu et al., 2019): each history becomes a directed item-transition graph, a gated graph network refines the
 * item embeddings over that graph, and a soft-attention readout combined with the last item scores every item with a
 * full softmax.
 */
package dev.seqmind.neural.srgnn;
