/**
 * Maps: two-dimensional projections of user and item vectors: principal components (Commons Math 3) and UMAP
 * (Tagbio's umap-java), with a neighbour-preservation score to check a map against its input.
 */
package dev.seqmind.insight.map;
