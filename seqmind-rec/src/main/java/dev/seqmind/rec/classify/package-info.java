/**
 * Sequence classification (will this session end with a purchase?): labelled prefixes cut from a dataset
 * ({@link dev.seqmind.rec.classify.LabelledPrefixes}), a logistic regression on action counts as the baseline
 * ({@link dev.seqmind.rec.classify.CountLogisticRegression}) and the measures of a probability forecast
 * ({@link dev.seqmind.rec.classify.BinaryMetrics}: ROC AUC, PR AUC, Brier score, log loss, reliability curve).
 */
package dev.seqmind.rec.classify;
