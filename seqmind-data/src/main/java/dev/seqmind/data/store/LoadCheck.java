package dev.seqmind.data.store;

/** How much {@link DatasetStore#open(java.nio.file.Path, LoadCheck)} verifies while loading. */
public enum LoadCheck {
    /** Recompute the content fingerprint and compare it with {@code dataset.json} (reads every event once more). */
    FINGERPRINT,
    /** Check headers, sizes and array consistency only. */
    STRUCTURE
}
