package dev.seqmind.mining;

import java.util.Arrays;

/**
 * Assigns dense ids {@code 0, 1, ...} to non-negative int keys in first-seen order (open addressing, linear probing,
 * power-of-two capacity). {@code -1} stands for "absent" in the table. Not thread-safe.
 */
final class IntDenseIds {
    private int[] keys;
    private int[] values;
    private int size;
    private int[] byId = new int[64];

    IntDenseIds(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new int[cap];
        values = new int[cap];
        Arrays.fill(keys, -1);
    }

    /** The dense id of {@code key}, assigning the next one if it is new. */
    int getOrAdd(int key) {
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (true) {
            int k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == -1) {
                break;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = size;
        if (size == byId.length) {
            byId = Arrays.copyOf(byId, size * 2);
        }
        byId[size] = key;
        size++;
        if (size * 2 > keys.length) {
            rehash();
        }
        return size - 1;
    }

    int size() {
        return size;
    }

    /** The key of dense id {@code id}. */
    int key(int id) {
        return byId[id];
    }

    private void rehash() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1) {
                int slot = mix(oldKeys[i]) & mask;
                while (keys[slot] != -1) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
