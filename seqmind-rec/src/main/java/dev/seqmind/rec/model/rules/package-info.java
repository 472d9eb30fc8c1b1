/**
 * The rule-based recommender: sequential rules "antecedent items, in order, then consequent item" with support,
 * confidence and lift; a history fires the rules whose antecedent it contains, and each recommendation carries the
 * rule behind it. Rules come from the mining engine's sequential rules
 * ({@link dev.seqmind.rec.model.rules.MinedRuleTrainer}) or from counting prefix-to-next-item transitions
 * ({@link dev.seqmind.rec.model.rules.PrefixRuleTrainer}).
 */
package dev.seqmind.rec.model.rules;
