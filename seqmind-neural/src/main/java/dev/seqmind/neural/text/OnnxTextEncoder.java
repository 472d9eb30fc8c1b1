package dev.seqmind.neural.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.error.SeqmindException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A sentence-embedding model run in-process by ONNX Runtime: texts are tokenised by the model's HuggingFace
 * tokenizer (truncated to {@link TextModelSpec#maxTokens}), sorted by length, cut into batches padded to their
 * longest text, and the batches run concurrently on {@code threads} workers (one ONNX Runtime thread each, which
 * keeps all cores busy without oversubscribing them). Token vectors are pooled ({@link Pooling}) and L2-normalised,
 * so the dot product of two vectors is their cosine similarity. Dynamically quantized graphs (the built-in ones)
 * compute activation scales over the whole batch tensor, so with batches larger than one a text's vector moves
 * slightly with its batch-mates; batches of one (the default of {@link TextEmbedder#withCache}) are exact and
 * still use every core. A model whose graph already outputs one vector per
 * text (rank-2 output) is used as it is, normalised.
 *
 * <p>Thread-safe: {@link #encode} may be called concurrently. Holds native resources: close it.
 */
public final class OnnxTextEncoder implements AutoCloseable {
    private final TextModelSpec spec;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final boolean pooledOutput;
    private final int dimension;
    private final int batchSize;
    private final ExecutorService workers;

    private OnnxTextEncoder(TextModelSpec spec, OrtEnvironment env, OrtSession session,
                            HuggingFaceTokenizer tokenizer, int threads, int batchSize) throws OrtException {
        this.spec = spec;
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.batchSize = batchSize;
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (!inputs.containsKey("input_ids") || !inputs.containsKey("attention_mask")) {
            throw new InputFormatException(spec.onnx(), 0, "inputs",
                    "the graph's inputs are " + inputs.keySet() + "; a text encoder needs input_ids and attention_mask");
        }
        this.typeIds = inputs.containsKey("token_type_ids");
        NodeInfo out = session.getOutputInfo().values().iterator().next();
        if (!(out.getInfo() instanceof TensorInfo t) || (t.getShape().length != 3 && t.getShape().length != 2)) {
            throw new InputFormatException(spec.onnx(), 0, "outputs",
                    "the first output " + out.getName() + " is not a rank-2 or rank-3 float tensor");
        }
        long[] shape = t.getShape();
        this.pooledOutput = shape.length == 2;
        this.dimension = (int) shape[shape.length - 1];
        if (dimension <= 0) {
            throw new InputFormatException(spec.onnx(), 0, "outputs", "the output's last dimension is not fixed");
        }
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "text-encoder");
            th.setDaemon(true);
            return th;
        });
    }

    /**
     * Loads {@code spec}'s graph and tokenizer.
     *
     * @param threads   concurrent batches (>= 1), e.g. the number of cores
     * @param batchSize texts per batch (>= 1)
     * @throws InputFormatException if the file is not an ONNX model or its tokenizer cannot be read
     */
    public static OnnxTextEncoder open(TextModelSpec spec, int threads, int batchSize) {
        InvalidParameterException.requireInRange("threads", threads, 1, 1024);
        InvalidParameterException.requireInRange("batchSize", batchSize, 1, 1 << 16);
        byte[] graph;
        try (InputStream in = spec.openOnnx()) {
            graph = in.readAllBytes();
        } catch (IOException e) {
            throw new InputFormatException(spec.onnx(), 0, "onnx", "cannot read the model: " + e.getMessage());
        }
        HuggingFaceTokenizer tok;
        try (InputStream in = spec.openTokenizer()) {
            tok = HuggingFaceTokenizer.newInstance(in, Map.of("truncation", "true", "padding", "false",
                    "maxLength", Integer.toString(spec.maxTokens())));
        } catch (IOException | RuntimeException e) {
            throw new InputFormatException(spec.tokenizer(), 0, "tokenizer",
                    "not a HuggingFace tokenizer.json: " + e.getMessage());
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session;
            try {
                session = env.createSession(graph, options);
            } catch (OrtException e) {
                tok.close();
                throw new InputFormatException(spec.onnx(), 0, "onnx", "not an ONNX model: " + e.getMessage());
            }
            try {
                return new OnnxTextEncoder(spec, env, session, tok, threads, batchSize);
            } catch (OrtException | RuntimeException e) {
                tok.close();
                session.close();
                if (e instanceof SeqmindException s) {
                    throw s;
                }
                throw new InputFormatException(spec.onnx(), 0, "onnx", e.getMessage());
            }
        } catch (OrtException e) {
            tok.close();
            throw new InputFormatException(spec.onnx(), 0, "onnx", e.getMessage());
        }
    }

    public TextModelSpec spec() {
        return spec;
    }

    /** Length of every vector this encoder returns. */
    public int dimension() {
        return dimension;
    }

    /**
     * The texts' vectors, in input order.
     *
     * @throws InvalidParameterException naming the first blank text
     */
    public Encoded encode(List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            String s = texts.get(i);
            if (s == null || s.isBlank()) {
                throw new InvalidParameterException("text #" + i, "'" + s + "'", "non-blank text");
            }
        }
        if (texts.isEmpty()) {
            return new Encoded(new float[0][], 0);
        }
        Encoding[] enc = tokenizer.batchEncode(texts);
        int truncated = 0;
        for (Encoding e : enc) {
            if (e.exceedMaxLength()) {
                truncated++;
            }
        }
        Integer[] order = new Integer[enc.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> enc[i].getIds().length));
        float[][] out = new float[texts.size()][];
        List<Future<?>> jobs = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            int[] batch = new int[Math.min(batchSize, order.length - from)];
            for (int j = 0; j < batch.length; j++) {
                batch[j] = order[from + j];
            }
            jobs.add(workers.submit(() -> {
                runBatch(enc, batch, out);
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                jobs.forEach(j -> j.cancel(true));
                Thread.currentThread().interrupt();
                throw new SeqmindException("text encoding interrupted", e);
            } catch (ExecutionException e) {
                throw new SeqmindException("text encoding failed with " + spec.id() + ": " + e.getCause(), e);
            }
        }
        return new Encoded(out, truncated);
    }

    private void runBatch(Encoding[] enc, int[] batch, float[][] out) throws OrtException {
        int b = batch.length;
        int len = 0;
        for (int i : batch) {
            len = Math.max(len, enc[i].getIds().length);
        }
        long[] ids = new long[b * len];
        long[] mask = new long[b * len];
        long[] types = new long[b * len];
        for (int r = 0; r < b; r++) {
            Encoding e = enc[batch[r]];
            long[] id = e.getIds();
            long[] m = e.getAttentionMask();
            long[] t = e.getTypeIds();
            System.arraycopy(id, 0, ids, r * len, id.length);
            System.arraycopy(m, 0, mask, r * len, m.length);
            System.arraycopy(t, 0, types, r * len, t.length);
        }
        long[] shape = {b, len};
        Map<String, OnnxTensor> in = new HashMap<>();
        try {
            in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                in.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(in)) {
                FloatBuffer h = ((OnnxTensor) result.get(0)).getFloatBuffer();
                for (int r = 0; r < b; r++) {
                    out[batch[r]] = pool(h, r, len, mask);
                }
            }
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    /** Pools row {@code r} of the output {@code h} ([b, len, d] or [b, d]) and normalises it. */
    private float[] pool(FloatBuffer h, int r, int len, long[] mask) {
        int d = dimension;
        float[] v = new float[d];
        if (pooledOutput) {
            h.get(r * d, v, 0, d);
        } else if (spec.pooling() == Pooling.CLS) {
            h.get(r * len * d, v, 0, d);
        } else {
            int count = 0;
            for (int t = 0; t < len; t++) {
                if (mask[r * len + t] == 0) {
                    continue;
                }
                count++;
                int base = (r * len + t) * d;
                for (int k = 0; k < d; k++) {
                    v[k] += h.get(base + k);
                }
            }
            for (int k = 0; k < d; k++) {
                v[k] /= Math.max(count, 1);
            }
        }
        normalise(v);
        return v;
    }

    static void normalise(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        float inv = s > 0 ? (float) (1 / Math.sqrt(s)) : 0f;
        for (int k = 0; k < v.length; k++) {
            v[k] *= inv;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            session.close();
        } catch (OrtException e) {
            throw new SeqmindException("closing the ONNX session failed: " + e.getMessage(), e);
        } finally {
            tokenizer.close();
        }
    }

    /**
     * Vectors in input order and how many texts were longer than the model's limit (cut to it).
     *
     * @param vectors   one L2-normalised vector per text
     * @param truncated texts cut to {@link TextModelSpec#maxTokens}
     */
    public record Encoded(float[][] vectors, int truncated) {
    }
}
