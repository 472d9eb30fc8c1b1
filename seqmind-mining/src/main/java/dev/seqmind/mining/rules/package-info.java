/**
 * Sequential rules, the API the rule-based recommender and explanations call.
 *
 * <p>{@link dev.seqmind.mining.rules.SequentialRuleMiner#mine(dev.seqmind.mining.SequenceDatabase,
 * dev.seqmind.mining.rules.RuleParams, dev.seqmind.mining.rules.RuleSink)} (or the overload taking a
 * {@code SequenceDataset}, which treats every event as its own itemset) streams {@link dev.seqmind.mining.rules.SequentialRule}
 * records {@code X => Y}: X and Y are disjoint, unordered sets of the dataset's dense item ids (ascending), and a
 * sequence supports the rule when all of X occur before all of Y in it (RuleGrowth/ERMiner semantics).
 * {@code support} = sequences supporting the rule; {@code confidence = support / sup(X)} where {@code sup(X)} counts
 * sequences containing every item of X anywhere; {@code lift = confidence / (sup(Y) / sequences)}. Example:
 * <pre>{@code
 * List<SequentialRule> rules = new ArrayList<>();
 * SequentialRuleMiner.mine(dataset, RuleParams.of(MinSupport.fraction(0.05), 0.3).withSizes(2, 1), rules::add);
 * }</pre>
 *
 * <p>{@link dev.seqmind.mining.rules.NextItemRuleMiner} gives the narrower "these consecutive items are immediately
 * followed by that one" rules ({@link dev.seqmind.mining.rules.NextItemRule}), the natural form for next-item
 * recommendation. Both miners are stateless and thread-safe; sinks are never called concurrently.
 */
package dev.seqmind.mining.rules;
