/**
 * Honest evaluation: {@link dev.seqmind.rec.eval.Evaluator} ranks every item for each evaluation case of a
 * {@link dev.seqmind.data.split.Split} (full ranking unless sampled negatives are asked for, and then labelled
 * "sampled" everywhere), keeps per-user values of every metric at every K, and computes beyond-accuracy figures;
 * {@link dev.seqmind.rec.eval.Significance} compares two models user by user; {@code report} writes JSON and HTML.
 *
 * <p>Ranking rule, shared with top-K serving: higher score first, ties broken by the lower item id; items a model
 * cannot score ({@code -inf}) are never ranked, so a target the model cannot score is a miss.
 */
package dev.seqmind.rec.eval;
