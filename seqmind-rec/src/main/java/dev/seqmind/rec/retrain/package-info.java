/**
 * Retraining against the serving model: rebuild the serving model's trainer from its provenance, fit it on the
 * updated data before the most recent temporal slice, score both on that slice with the evaluator, and decide with
 * the paired test whether the new model is better by a stated margin.
 */
package dev.seqmind.rec.retrain;
