/**
 * Choosing the K highest of a score array ({@link dev.seqmind.rec.rank.TopKSelector}): the one selection step under
 * every recommender, the re-rankers and the result lists, kept below all of them so none depends on another.
 */
package dev.seqmind.rec.rank;
