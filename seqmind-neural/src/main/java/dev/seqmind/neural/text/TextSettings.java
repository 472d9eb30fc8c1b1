package dev.seqmind.neural.text;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which language model embeds item text, how item text is rendered, and where vectors are cached.
 *
 * @param model     the sentence-embedding model
 * @param template  the item text template ({@link ItemTextTemplate})
 * @param cacheDir  vector cache directory, or null for no cache
 */
public record TextSettings(TextModelSpec model, String template, Path cacheDir) {
    public TextSettings {
        Objects.requireNonNull(model, "model");
        ItemTextTemplate.parse(template);
    }

    /** {@code model} with the default template and the default cache directory ({@link #defaultCacheDir}). */
    public static TextSettings of(TextModelSpec model) {
        return new TextSettings(model, ItemTextTemplate.DEFAULT, defaultCacheDir());
    }

    /** {@code $SEQMIND_CACHE/embeddings} when the variable is set, else {@code ~/.cache/seqmind/embeddings}. */
    public static Path defaultCacheDir() {
        String env = System.getenv("SEQMIND_CACHE");
        Path root = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "seqmind");
        return root.resolve("embeddings");
    }

    public TextSettings withTemplate(String value) {
        return new TextSettings(model, value, cacheDir);
    }

    public TextSettings withCacheDir(Path value) {
        return new TextSettings(model, template, value);
    }

    /** Opens an embedder with all cores and this cache. */
    public TextEmbedder openEmbedder() {
        return TextEmbedder.withCache(model, cacheDir);
    }
}
