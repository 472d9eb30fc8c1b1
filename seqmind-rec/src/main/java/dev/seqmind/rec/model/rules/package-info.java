/**
 * The rule-based recommender: sequential rules "antecedent items, in order, then consequent item" with support,
 * confidence and lift; a history fires the rules whose antecedent it contains, and each recommendation carries the
 * rule behind it. Rules come from counting prefixes inside rec ({@link dev.seqmind.rec.model.rules.PrefixRuleTrainer}).
 */
package dev.seqmind.rec.model.rules;
