/**
 * The recommender seam: {@link dev.seqmind.rec.RecommenderTrainer} fits an immutable, thread-safe
 * {@link dev.seqmind.rec.Recommender} that scores every item for any history. Sub-packages hold top-K selection
 * ({@code rank}), result lists with explanations ({@code topk}), re-ranking ({@code rerank}), the classic models ({@code model}), persistence ({@code store}) and evaluation ({@code eval}).
 */
package dev.seqmind.rec;
