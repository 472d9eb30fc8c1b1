package dev.seqmind.server.store;

/**
 * What an append did.
 *
 * @param stored     events written by this call (0 for a duplicate)
 * @param duplicate  true when the idempotency key had been committed before: nothing was written again
 * @param original   events the key's first commit stored (equals {@code stored} when not a duplicate)
 */
public record AppendResult(int stored, boolean duplicate, int original) {
}
