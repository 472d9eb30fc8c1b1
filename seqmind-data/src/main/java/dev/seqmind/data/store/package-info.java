/**
 * The dataset directory that {@code seqmind ingest} writes and every later command opens.
 *
 * <p>{@link dev.seqmind.data.store.DatasetStore} writes and reads it; {@link dev.seqmind.data.store.StoreManifest}
 * is its {@code dataset.json}. A directory holds:
 * <ul>
 *   <li>{@code dataset.json}: format version, name, sources, cleaning steps, counts and content fingerprint;</li>
 *   <li>{@code dataset.duckdb}: the same data as SQL tables ({@code events}, {@code users}, {@code items},
 *       {@code actions}, {@code item_metadata}) and an {@code interactions} view with external ids, for people
 *       who query it with DuckDB;</li>
 *   <li>{@code events.bin}: the CSR arrays as raw little-endian numbers, and {@code names.bin}: the external ids and
 *       item metadata. Loading reads these two, because opening DuckDB alone costs several times more than reading
 *       them (measured in {@link dev.seqmind.data.store.DatasetStore}'s Javadoc).</li>
 * </ul>
 * A directory is written under a temporary name and renamed into place, so a crash never leaves a half-written
 * dataset under the final name.
 */
package dev.seqmind.data.store;
