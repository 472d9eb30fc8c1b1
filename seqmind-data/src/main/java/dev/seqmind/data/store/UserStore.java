package dev.seqmind.data.store;

import java.util.Set;

/**
 * A store that holds users' events and can erase them: the dataset directory ({@link DatasetDirectory}) and the
 * server's event stores implement it, and {@code seqmind forget} calls every one it is given.
 */
public interface UserStore {
    /** A short description for receipts (a path or a URL; never a user id). */
    String describe();

    /**
     * Removes every event of the given users and every mapping of their ids, so that no trace of the ids remains in
     * the store's files. Ids are compared as stored (pseudonyms in a pseudonymised store). Ids the store does not
     * hold are ignored.
     *
     * @return what was removed and how each file changed
     */
    Erasure eraseUsers(Set<String> storedIds);
}
