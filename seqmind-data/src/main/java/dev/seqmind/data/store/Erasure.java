package dev.seqmind.data.store;

import java.util.List;

/**
 * What one {@link UserStore#eraseUsers} call removed.
 *
 * @param store         the store's description
 * @param usersRemoved  users found and removed
 * @param eventsRemoved their events
 * @param files         each file of the store rewritten, with its SHA-256 before and after (empty when absent)
 */
public record Erasure(String store, int usersRemoved, long eventsRemoved, List<FileChange> files) {
    public Erasure {
        files = List.copyOf(files);
    }

    /**
     * One file's change.
     *
     * @param path   the file
     * @param before SHA-256 (hex) before the erasure, or "" when it did not exist
     * @param after  SHA-256 (hex) after, or "" when it no longer exists
     */
    public record FileChange(String path, String before, String after) {
    }
}
