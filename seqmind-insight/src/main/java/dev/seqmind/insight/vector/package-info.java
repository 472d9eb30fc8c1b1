/**
 * Representations: per-user behaviour features (action mix, category profile, recency, frequency, session
 * statistics), per-item vectors (a saved model's learned embeddings, or behaviour features), and the
 * standardisation that puts their columns on one scale.
 */
package dev.seqmind.insight.vector;
