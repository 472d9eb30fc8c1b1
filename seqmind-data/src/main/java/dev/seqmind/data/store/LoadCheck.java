package dev.seqmind.data.store;

/** How much {@link DatasetStore#open(java.nio.file.Path, LoadCheck)} verifies while loading. */
public enum LoadCheck {
    /**
     * Also recompute the SHA-256 content fingerprint and compare it with {@code dataset.json}: proves the loaded
     * dataset is the one that was saved, at the cost of hashing every event (about as long as loading, cold).
     */
    FINGERPRINT,
    /** Compare the CRC-32 of {@code events.bin} and {@code names.bin} with {@code dataset.json} (a few ms). */
    CHECKSUM,
    /** Check headers, sizes and array consistency only. */
    STRUCTURE
}
