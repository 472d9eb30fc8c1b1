package dev.seqmind.neural.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.seqmind.data.error.SeqmindException;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A network's named float parameters, in declaration order, living in one long-lived {@link NDManager} with
 * gradients attached. Initial values are drawn on the Java side from a seeded {@link SplittableRandom}, so the same
 * seed gives the same initial network.
 *
 * <p>Binary format (big-endian, written by {@link #write}): {@code int} magic {@code SQMW}, {@code int} version,
 * {@code int count}, then per parameter {@code UTF name},
 * {@code int rank}, {@code long[rank] shape}, {@code float[size] values}. Not thread-safe while training; read-only
 * use (scoring) from many threads is safe.
 */
public final class ParameterStore implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> params = new LinkedHashMap<>();

    public ParameterStore(NDManager manager) {
        this.manager = manager;
    }

    public NDManager manager() {
        return manager;
    }

    /** Adds a parameter with the given values; names must be unique. */
    public NDArray add(String name, float[] values, long... shape) {
        if (params.containsKey(name)) {
            throw new IllegalArgumentException("duplicate parameter " + name);
        }
        NDArray a = manager.create(values, new Shape(shape));
        a.setName(name);
        a.setRequiresGradient(true);
        params.put(name, a);
        return a;
    }

    /** Adds a parameter drawn from N(0, std^2), the SASRec/BERT4Rec initialisation. */
    public NDArray normal(String name, SplittableRandom rng, float std, long... shape) {
        float[] v = new float[(int) new Shape(shape).size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (gaussian(rng) * std);
        }
        return add(name, v, shape);
    }

    /** Adds a weight {@code [out, in]} drawn uniformly from the Glorot range. */
    public NDArray xavier(String name, SplittableRandom rng, long out, long in) {
        float[] v = new float[(int) (out * in)];
        double a = Math.sqrt(6.0 / (in + out));
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * a);
        }
        return add(name, v, out, in);
    }

    /** Adds a parameter with every value {@code c}. */
    public NDArray constant(String name, float c, long... shape) {
        float[] v = new float[(int) new Shape(shape).size()];
        java.util.Arrays.fill(v, c);
        return add(name, v, shape);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = Math.max(1e-12, rng.nextDouble());
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    public NDArray get(String name) {
        NDArray a = params.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter " + name + " (have " + params.keySet() + ")");
        }
        return a;
    }

    public Map<String, NDArray> all() {
        return Collections.unmodifiableMap(params);
    }

    /** Total number of scalars. */
    public long size() {
        long n = 0;
        for (NDArray a : params.values()) {
            n += a.size();
        }
        return n;
    }

    /** Sets every gradient to zero (gradients accumulate across backward passes otherwise). */
    public void zeroGradients() {
        for (NDArray a : params.values()) {
            JniUtils.zeroGrad((PtNDArray) a);
        }
    }

    /** Copies the values out, for checkpoints and the pure-Java forward pass. */
    public Map<String, float[]> snapshot() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            out.put(e.getKey(), e.getValue().toFloatArray());
        }
        return out;
    }

    /** Shapes in declaration order. */
    public Map<String, long[]> shapes() {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            out.put(e.getKey(), e.getValue().getShape().getShape());
        }
        return out;
    }

    public void write(DataOutputStream out) throws IOException {
        writeArrays(out, shapes(), snapshot());
    }

    /** Overwrites every parameter's values with the ones read; names and shapes must match exactly. */
    public void read(DataInputStream in, String source) throws IOException {
        Named named = readArrays(in, source);
        if (!named.values().keySet().equals(params.keySet())) {
            throw new SeqmindException(source + ": parameters " + named.values().keySet() + " do not match the network's "
                    + params.keySet() + "; the file belongs to another configuration");
        }
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray a = e.getValue();
            long[] shape = named.shapes().get(e.getKey());
            if (!new Shape(shape).equals(a.getShape())) {
                throw new SeqmindException(source + ": parameter " + e.getKey() + " has shape " + new Shape(shape)
                        + ", the network expects " + a.getShape());
            }
        }
        restore(named.values());
    }

    /** Replaces every parameter's values with {@code values} (as produced by {@link #snapshot()}). */
    public void restore(Map<String, float[]> values) {
        for (String name : new ArrayList<>(params.keySet())) {
            NDArray old = params.get(name);
            NDArray fresh = manager.create(values.get(name), old.getShape());
            fresh.setName(name);
            fresh.setRequiresGradient(true);
            params.put(name, fresh);
            old.close();
        }
    }

    /** Named arrays as read from the binary format. */
    public record Named(Map<String, long[]> shapes, Map<String, float[]> values) {
    }

    /** {@code SQMW}: the first int of every weights file since version 1. */
    static final int MAGIC = 0x53514D57;
    /** The version of the weights format written now. */
    static final int VERSION = 1;

    public static void writeArrays(DataOutputStream out, Map<String, long[]> shapes, Map<String, float[]> values)
            throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(values.size());
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            out.writeUTF(e.getKey());
            long[] shape = shapes.get(e.getKey());
            out.writeInt(shape.length);
            for (long s : shape) {
                out.writeLong(s);
            }
            float[] v = e.getValue();
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(v.length * 4);
            buf.asFloatBuffer().put(v);
            out.write(buf.array());
        }
    }

    /**
     * Reads named arrays. Files written before the format had a magic number (version 0) start with the count
     * directly; a count can never equal the magic, so both read.
     */
    public static Named readArrays(DataInputStream in, String source) throws IOException {
        int count = in.readInt();
        if (count == MAGIC) {
            int version = in.readInt();
            if (version < 1 || version > VERSION) {
                throw new SeqmindException(source + ": weights format version " + version + " is not readable by"
                        + " this seqmind (reads versions 0 to " + VERSION + "); use a newer seqmind");
            }
            count = in.readInt();
        }
        if (count < 0 || count > 100_000) {
            throw new SeqmindException(source + ": not a seqmind weights file (parameter count " + count + ")");
        }
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int rank = in.readInt();
            long[] shape = new long[rank];
            long size = 1;
            for (int r = 0; r < rank; r++) {
                shape[r] = in.readLong();
                size *= shape[r];
            }
            byte[] bytes = new byte[Math.toIntExact(size * 4)];
            in.readFully(bytes);
            float[] v = new float[(int) size];
            java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
            shapes.put(name, shape);
            values.put(name, v);
        }
        return new Named(shapes, values);
    }

    /** Parameter names in declaration order. */
    public List<String> names() {
        return new ArrayList<>(params.keySet());
    }

    @Override
    public void close() {
        manager.close();
    }
}
