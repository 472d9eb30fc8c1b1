/**
 * The recommender seam: {@link dev.seqmind.rec.RecommenderTrainer} fits an immutable, thread-safe
 * {@link dev.seqmind.rec.Recommender} that scores every item for any history. Sub-packages hold top-K selection
 * ({@code topk}), the classic models ({@code model}), persistence ({@code store}) and evaluation ({@code eval}).
 */
package dev.seqmind.rec;
