/**
 * Descriptive statistics of a dataset ({@link dev.seqmind.data.stats.DatasetStats}): sizes, sequence-length
 * distribution, item popularity long tail and Gini coefficient, actions and time span, rendered for a terminal or
 * as JSON.
 */
package dev.seqmind.data.stats;
