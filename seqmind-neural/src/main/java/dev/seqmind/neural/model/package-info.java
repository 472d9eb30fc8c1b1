/**
 * Fitted neural models behind the {@link dev.seqmind.rec.Recommender} seam, how trainers build them, and the model
 * card ({@link dev.seqmind.neural.model.ModelCard}) that says how each was trained.
 */
package dev.seqmind.neural.model;
