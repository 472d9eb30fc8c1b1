package dev.seqmind.mining;

import java.util.Arrays;

/**
 * An {@code int[]} as a hash key by content (plain arrays compare by identity), e.g. to look a pattern's support up
 * by its items. The array is not copied: callers must not change it while the key is in use. Immutable as long as
 * that holds; safe to share between threads then.
 *
 * @param items the key's contents, compared element by element
 */
public record IntArrayKey(int[] items) {
    @Override
    public boolean equals(Object o) {
        return o instanceof IntArrayKey k && Arrays.equals(k.items, items);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }

    @Override
    public String toString() {
        return Arrays.toString(items);
    }
}
