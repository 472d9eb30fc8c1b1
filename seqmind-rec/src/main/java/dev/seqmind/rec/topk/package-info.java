/**
 * Result lists: the external-id convenience layer over top-K selection
 * ({@link dev.seqmind.rec.topk.Recommendations}) that callers at the edges (CLI, server) use.
 */
package dev.seqmind.rec.topk;
