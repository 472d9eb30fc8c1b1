package dev.seqmind.server;

import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.server.state.Limits;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the server.
 *
 * @param bind           address to listen on (127.0.0.1 unless opened on purpose)
 * @param port           port, 0 = any free one
 * @param store          the event store: a SQLite file path or a {@code jdbc:postgresql://} URL
 * @param dataset        a dataset directory (titles, categories, rules mined at start), or {@code null}
 * @param models         model directories by name, loaded in order; the first is the default
 * @param rules          mined rules (JSON lines file or a directory holding {@code rules.jsonl}), or {@code null}
 * @param keys           the API key file (hashes only)
 * @param pseudonymizer  replaces user ids before they are stored, or {@code null} for none
 * @param maxLength      most recent items kept per user in live state
 * @param limits         request limits
 * @param scoring        how neural models score (forward pass, batching)
 */
public record ServerConfig(String bind, int port, String store, Path dataset, Map<String, Path> models, Path rules,
                           Path keys, Pseudonymizer pseudonymizer, int maxLength, Limits limits,
                           dev.seqmind.server.model.Scoring scoring) {
    /** With the default scoring. */
    public ServerConfig(String bind, int port, String store, Path dataset, Map<String, Path> models, Path rules,
                        Path keys, Pseudonymizer pseudonymizer, int maxLength, Limits limits) {
        this(bind, port, store, dataset, models, rules, keys, pseudonymizer, maxLength, limits,
                dev.seqmind.server.model.Scoring.defaults());
    }

    public ServerConfig {
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(keys, "keys");
        models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, but got " + maxLength);
        }
    }
}
