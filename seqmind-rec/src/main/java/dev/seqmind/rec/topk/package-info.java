/**
 * Top-K selection over a dense score array on primitives, and the external-id convenience layer
 * ({@link dev.seqmind.rec.topk.Recommendations}) that callers at the edges (CLI, server) use.
 */
package dev.seqmind.rec.topk;
