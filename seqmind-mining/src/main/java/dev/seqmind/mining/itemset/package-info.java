/**
 * Frequent itemsets over transactions ({@link dev.seqmind.mining.itemset.TransactionDatabase}: a basket, a session, or a
 * user's whole history as a set) by FP-Growth ({@link dev.seqmind.mining.itemset.FpGrowthMiner}), closed and maximal
 * itemsets, and association rules with support, confidence, lift and leverage
 * ({@link dev.seqmind.mining.itemset.AssociationRuleMiner}).
 */
package dev.seqmind.mining.itemset;
