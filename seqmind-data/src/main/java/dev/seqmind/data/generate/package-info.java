/**
 * A seeded generator of realistic behaviour logs: Zipf item popularity, skewed user activity, sessions, a
 * pv/fav/cart/buy funnel, readable item titles in a two-level category tree, and planted sequential patterns whose
 * true support is recorded, for demos, tests and scale benchmarks. Entry point:
 * {@link dev.seqmind.data.generate.LogGenerator}.
 */
package dev.seqmind.data.generate;
