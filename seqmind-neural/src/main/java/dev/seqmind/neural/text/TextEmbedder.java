package dev.seqmind.neural.text;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.error.SeqmindException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Texts to vectors through the on-disk cache first and the model only for texts it has not seen. The model is
 * loaded at the first miss, so a fully cached run never starts ONNX Runtime.
 *
 * <p>Thread-safe (the encoder is opened under a lock; the cache and encoder are thread-safe). Close it.
 */
public final class TextEmbedder implements AutoCloseable {
    private final TextModelSpec spec;
    private final EmbeddingCache cache;
    private final int threads;
    private final int batchSize;
    private OnnxTextEncoder encoder;

    /**
     * @param cacheDir  directory of the vector cache, or null for none
     * @param threads   concurrent encoder batches
     */
    public TextEmbedder(TextModelSpec spec, Path cacheDir, int threads, int batchSize) {
        this.spec = spec;
        this.threads = threads;
        this.batchSize = batchSize;
        try {
            this.cache = cacheDir == null ? null : EmbeddingCache.open(cacheDir, spec.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A cached embedder with all cores and batches of one text: the quantized models compute their activation scales
     * over the whole batch tensor, so a text's vector would otherwise depend on the texts batched with it (and the
     * cache on the order texts arrived in).
     */
    public static TextEmbedder withCache(TextModelSpec spec, Path cacheDir) {
        return new TextEmbedder(spec, cacheDir, Runtime.getRuntime().availableProcessors(), 1);
    }

    public TextModelSpec spec() {
        return spec;
    }

    /** Vector length (loads the model when the cache is empty). */
    public int dimension() {
        if (cache != null && cache.dimension() > 0) {
            return cache.dimension();
        }
        return encoder().dimension();
    }

    private synchronized OnnxTextEncoder encoder() {
        if (encoder == null) {
            encoder = OnnxTextEncoder.open(spec, threads, batchSize);
        }
        return encoder;
    }

    /**
     * The texts' L2-normalised vectors in input order.
     *
     * @throws InvalidParameterException naming the first blank text
     */
    public Embedded embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<String> missing = new ArrayList<>();
        List<String> missingKeys = new ArrayList<>();
        Map<String, List<Integer>> where = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t == null || t.isBlank()) {
                throw new InvalidParameterException("text #" + i, "'" + t + "'", "non-blank text");
            }
            String key = EmbeddingCache.key(t);
            float[] v = cache == null ? null : cache.get(key);
            if (v != null) {
                out[i] = v.clone();
                continue;
            }
            List<Integer> at = where.get(key);
            if (at == null) {
                at = new ArrayList<>();
                where.put(key, at);
                missing.add(t);
                missingKeys.add(key);
            }
            at.add(i);
        }
        int truncated = 0;
        if (!missing.isEmpty()) {
            OnnxTextEncoder.Encoded enc = encoder().encode(missing);
            truncated = enc.truncated();
            Map<String, float[]> fresh = new LinkedHashMap<>();
            for (int m = 0; m < missing.size(); m++) {
                String key = missingKeys.get(m);
                float[] v = enc.vectors()[m];
                fresh.put(key, v);
                for (int i : where.get(key)) {
                    out[i] = v.clone();
                }
            }
            if (cache != null) {
                try {
                    cache.putAll(fresh);
                } catch (IOException e) {
                    throw new SeqmindException("cannot write the embedding cache " + cache.file() + ": "
                            + e.getMessage(), e);
                }
            }
        }
        return new Embedded(out, texts.size() - countOf(where), missing.size(), truncated);
    }

    private static int countOf(Map<String, List<Integer>> where) {
        int n = 0;
        for (List<Integer> l : where.values()) {
            n += l.size();
        }
        return n;
    }

    @Override
    public synchronized void close() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }

    /**
     * @param vectors   one vector per text, in input order
     * @param cacheHits texts answered by the cache
     * @param encoded   distinct texts run through the model
     * @param truncated of those, texts cut to the model's token limit
     */
    public record Embedded(float[][] vectors, int cacheHits, int encoded, int truncated) {
    }
}
