package dev.seqmind.server.live;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's own item id space: external item id to a dense int, growing as new items arrive (ids are never
 * reused or removed). Lookups are lock-free; additions are synchronised. Absent is {@code -1}.
 */
public final class ItemDictionary {
    public static final int ABSENT = -1;

    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private volatile String[] names = new String[1024];
    private volatile int size;

    /** The dense id of {@code item}, or {@link #ABSENT}. */
    public int id(String item) {
        Integer i = ids.get(item);
        return i == null ? ABSENT : i;
    }

    /** The dense id of {@code item}, added when new. */
    public int idOrAdd(String item) {
        Integer i = ids.get(item);
        return i != null ? i : add(item);
    }

    private synchronized int add(String item) {
        Integer i = ids.get(item);
        if (i != null) {
            return i;
        }
        int id = size;
        String[] n = names;
        if (id == n.length) {
            n = Arrays.copyOf(n, n.length * 2);
        }
        n[id] = item;
        names = n;
        size = id + 1;
        ids.put(item, id);
        return id;
    }

    /** The external id of dense {@code id} in {@code [0, size())}. */
    public String name(int id) {
        return names[id];
    }

    public int size() {
        return size;
    }
}
