/**
 * The classic next-item models, one package per family ({@code pop}, {@code markov}, {@code knn}, {@code rules}),
 * each with its trainer (an immutable, validated config record), its immutable model and its persisted format.
 * {@link dev.seqmind.rec.model.ItemPopularity} is the training-data popularity that several models fall back to.
 * {@link dev.seqmind.rec.model.BaseScoreRecommender} holds what the four model classes share (name, item map, the
 * per-item base scores a score starts from).
 */
package dev.seqmind.rec.model;
