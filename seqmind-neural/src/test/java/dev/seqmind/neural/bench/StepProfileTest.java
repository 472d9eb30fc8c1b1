package dev.seqmind.neural.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.nn.AdamW;
import dev.seqmind.neural.nn.Layers;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecNetwork;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

/** Where a SASRec+ step's time goes (run with -Dseqmind.bench=true; not part of the normal suite). */
class StepProfileTest {
    @Test
    void profile() {
        Assumptions.assumeTrue(Boolean.getBoolean("seqmind.bench"));
        Engine e = NeuralEngine.start(dev.seqmind.neural.engine.EngineOptions.defaults().withThreads(Integer.getInteger("seqmind.threads", 2)));
        int n = 3416;
        SasRecNetwork net = new SasRecNetwork(SasRecConfig.sasRecPlus(), n, new ParameterStore(e.newBaseManager()), 1);
        SplittableRandom rng = new SplittableRandom(1);
        int[][] seqs = new int[128][];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = rng.ints(200, 0, n).toArray(); // 199 input cells per row
        }
        AdamW adam = new AdamW(0.9f, 0.98f, 1e-8f, 0);
        for (int it = 0; it < 6; it++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            long t1;
            try (NDScope s = new NDScope(); NDManager m = net.parameters().manager().newSubManager();
                 GradientCollector gc = e.newGradientCollector()) {
                NDArray l = net.loss(m, seqs, 0, seqs.length, rng);
                l.getFloat();
                t1 = System.nanoTime();
                gc.backward(l);
            }
            long t2 = System.nanoTime();
            adam.step(net.parameters(), 1e-3f, 5f);
            long t3 = System.nanoTime();
            double flops = net.trainingFlops(128L * 199, 128, 199);
            System.out.printf("step fwd %.0f bwd %.0f opt %.0f ms, cpu %.0f ms, %.1f GFLOP, %.1f GFLOP/s wall,"
                            + " %.1f GFLOP per CPU-second%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                    (cpu() - c0) / 1e6, flops / 1e9, flops / (t3 - t0), flops / (cpu() - c0));
        }
        // the output layer alone: [25472, 64] x [64, 3416] + cross-entropy, forward and backward
        try (NDManager m = e.newBaseManager()) {
            NDArray h = m.randomNormal(new Shape(25472, 64));
            NDArray w = m.randomNormal(new Shape(3416, 64)).mul(0.02f);
            h.setRequiresGradient(true);
            w.setRequiresGradient(true);
            long[] tg = rng.longs(25472, 0, 3416).toArray();
            for (int chunk : new int[] {0, 4096, 8192, 0, 4096, 8192}) {
                long c0 = cpu();
                long t0 = System.nanoTime();
                try (NDScope s = new NDScope(); GradientCollector gc = e.newGradientCollector()) {
                    NDArray l = chunk == 0 ? Layers.crossEntropy(h.matMul(w.transpose()), m.create(tg))
                            : dev.seqmind.neural.nn.FullSoftmaxLoss.objective(m, h, w, tg, chunk);
                    l.getFloat();
                    gc.backward(l);
                }
                System.out.printf("output layer chunk %d: wall %.0f cpu %.0f ms%n", chunk, (System.nanoTime() - t0) / 1e6,
                        (cpu() - c0) / 1e6);
            }
        }
    }

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
