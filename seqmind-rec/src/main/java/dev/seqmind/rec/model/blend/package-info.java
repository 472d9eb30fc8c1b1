/**
 * Mixtures of fitted models: {@link dev.seqmind.rec.model.blend.MixtureRecommender} turns each component's scores
 * into a next-item distribution ({@link dev.seqmind.rec.model.blend.NextItemProbabilities} where a model defines
 * one, a softmax of its scores otherwise) and ranks by the weighted mixture. Weights are chosen on validation cases
 * by the evaluator, with {@link dev.seqmind.rec.model.blend.ProbabilityMemo} keeping each component's distributions
 * so a grid of weights scores the components once.
 */
package dev.seqmind.rec.model.blend;
