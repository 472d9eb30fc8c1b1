/**
 * Segments: k-means++ with restarts (Apache Commons Math 3), the number of segments chosen from the data by the
 * silhouette and shown beside the elbow of the inertia curve, the adjusted Rand index for comparing a segmentation
 * with known groups, and per-segment profiles (size, categories, items, over-represented sequential patterns,
 * action funnel, recency, frequency).
 */
package dev.seqmind.insight.segment;
