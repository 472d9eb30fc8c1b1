/**
 * Insight for people rather than for a ranking metric: who behaves alike ({@code vector}, {@code similar}), which
 * groups there are and what sets them apart ({@code segment}), where users and items sit on a map ({@code map}),
 * whom to address in a campaign and what a newcomer should see first ({@code audience}), all gathered into one
 * offline report ({@code report}). Clustering and PCA come from Apache Commons Math 3.
 */
package dev.seqmind.insight;
