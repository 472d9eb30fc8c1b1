package dev.seqmind.cli.train;

import dev.seqmind.cli.console.TerminalProgress;
import dev.seqmind.cli.data.DatasetOptions;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.neural.bench.TrainStepProfile;
import dev.seqmind.neural.model.TrainingData;
import dev.seqmind.neural.train.LengthBuckets;
import dev.seqmind.neural.train.TrainingWindows;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.engine.NeuralEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code seqmind bench train-step}: where a SASRec+ training step's time goes and how close it runs to the CPU's
 * peak; the output layer is compared against autograd over the whole logits matrix.
 */
@Command(name = "train-step", mixinStandardHelpOptions = true,
        description = "Time SASRec+ training steps (forward/backward/optimiser, GFLOP/s against peak) and the "
                + "output layer chunked vs autograd (the baseline).")
public final class TrainStepBench implements Callable<Integer> {
    /** AVX2: two 8-wide single-precision FMA units, 2 x 8 x 2 FLOP a cycle. */
    private static final int FLOP_PER_CYCLE = 32;

    @Option(names = "--items", defaultValue = "3416", description = "catalogue size (default: ML-1M's)")
    int items;
    @Option(names = "--batch", defaultValue = "128",
            description = "sequences per step. Default: ${DEFAULT-VALUE}.")
    int batch;
    @Option(names = "--length", defaultValue = "200",
            description = "positions per sequence. Default: ${DEFAULT-VALUE}.")
    int length;
    @Option(names = "--steps", defaultValue = "5",
            description = "timed steps after one warm-up step. Default: ${DEFAULT-VALUE}.")
    int steps;
    @Option(names = "--threads", defaultValue = "2",
            description = "PyTorch intra-op threads. Default: ${DEFAULT-VALUE}.")
    int threads;
    @Option(names = "--chunks", split = ",", defaultValue = "0,512,1024,4096",
            description = "output-layer chunk sizes in rows; 0 = autograd over the whole logits (the baseline)."
                    + " Default: ${DEFAULT-VALUE}.")
    int[] chunks;
    @Option(names = "--trace", description = "write the last step's PyTorch operator trace (Chrome format) here")
    Path trace;
    @Option(names = "--data", paramLabel = "FILE|DIR", description = "also time steps on this dataset's real"
            + " training rows (leave-one-out training part, last --length window of each user): shuffled batches, each"
            + " padded to its longest row (the baseline), against length-bucketed ones; --items is taken from it")
    Path data;
    @Option(names = "--real-steps", defaultValue = "12", description = "timed real batches of each kind, evenly"
            + " spaced over one epoch. Default: ${DEFAULT-VALUE}.")
    int realSteps;
    @Option(names = "--length-buckets", defaultValue = "8", paramLabel = "BATCHES", description = "pool of the"
            + " bucketed batches, as in 'train --length-buckets'. Default: ${DEFAULT-VALUE}.")
    int lengthBuckets;
    @Option(names = "--peak-gflops", description = "the machine's peak (default: threads x clock x 32 FLOP/cycle)")
    Double peak;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        var engine = NeuralEngine.start(EngineOptions.defaults().withThreads(threads));
        double peakGflops = peak != null ? peak : threads * clockGhz() * FLOP_PER_CYCLE;
        out.printf(Locale.ROOT, "SASRec+ step: batch %d x length %d, 64 dims, 2 blocks, %d items; %d thread(s),"
                + " peak %.0f GFLOP/s%n", batch, length, items, threads, peakGflops);
        TrainStepProfile profile = new TrainStepProfile(engine, items, batch, length);
        for (TrainStepProfile.Timing t : profile.steps(steps, trace)) {
            out.printf(Locale.ROOT, "  %-8s fwd %6.0f  bwd %6.0f  opt %4.0f ms | cpu %6.0f ms | %.1f GFLOP,"
                            + " %.1f GFLOP/s wall (%.0f%% of peak), %.1f per CPU-second%n", t.label(), t.forwardMs(),
                    t.backwardMs(), t.optimizerMs(), t.cpuMs(), t.gflop(), t.gflopsPerWallSecond(),
                    100 * t.gflopsPerWallSecond() / peakGflops, t.gflopsPerCpuSecond());
        }
        if (data != null) {
            realBatches(out, engine, peakGflops);
        }
        out.println("output layer alone (forward + backward), twice each:");
        int[] twice = new int[chunks.length * 2];
        for (int i = 0; i < twice.length; i++) {
            twice[i] = chunks[i % chunks.length];
        }
        List<TrainStepProfile.Timing> layer = profile.outputLayer(twice);
        double baseline = layer.stream().filter(t -> t.label().startsWith("autograd")).skip(1)
                .mapToDouble(TrainStepProfile.Timing::cpuMs).findFirst().orElse(Double.NaN);
        for (int i = 0; i < layer.size(); i++) {
            TrainStepProfile.Timing t = layer.get(i);
            out.printf(Locale.ROOT, "  %-24s wall %6.0f ms, cpu %6.0f ms, %.1f GFLOP/s wall%s%n", t.label(),
                    t.wallMs(), t.cpuMs(), t.gflopsPerWallSecond(), i < chunks.length || Double.isNaN(baseline) ? ""
                            : String.format(Locale.ROOT, ", %.2fx less CPU than autograd", baseline / t.cpuMs()));
        }
        return 0;
    }

    /** Real rows: shuffled (padded) batches against length-bucketed ones, and the ratio of their mean steps. */
    private void realBatches(PrintStream out, ai.djl.engine.Engine engine, double peakGflops) throws IOException {
        DatasetOptions ds = new DatasetOptions();
        ds.data = data;
        SequenceDataset full = ds.load(TerminalProgress.stderr(false));
        SequenceDataset train = ds.split(full, 42).train();
        int[][] rows = TrainingWindows.LAST.rows(TrainingData.of(train, List.of()).sequences(), length);
        TrainStepProfile profile = new TrainStepProfile(engine, train.numItems(), batch, length);
        out.printf(Locale.ROOT, "real batches: %s, %d training rows, %d items, %d batches of each kind:%n", data,
                rows.length, train.numItems(), realSteps);
        double[] mean = new double[2];
        LengthBuckets[] kinds = {LengthBuckets.OFF, new LengthBuckets(lengthBuckets)};
        for (int k = 0; k < 2; k++) {
            List<TrainStepProfile.RealStep> steps = profile.realSteps(rows, kinds[k], realSteps);
            double wall = steps.stream().mapToDouble(r -> r.timing().wallMs()).sum();
            double cpu = steps.stream().mapToDouble(r -> r.timing().cpuMs()).sum();
            double gflop = steps.stream().mapToDouble(r -> r.timing().gflop()).sum();
            double useful = steps.stream().mapToDouble(TrainStepProfile.RealStep::usefulGflop).sum();
            long cells = steps.stream().mapToLong(TrainStepProfile.RealStep::cells).sum();
            long padded = steps.stream().mapToLong(TrainStepProfile.RealStep::paddedCells).sum();
            int n = steps.size();
            mean[k] = wall / n;
            out.printf(Locale.ROOT, "  %-26s %6.0f ms/step (cpu %6.0f) | padding %4.1f%% of cells | %.1f GFLOP computed,"
                            + " %.1f needed a step | %.1f GFLOP/s computed (%.0f%% of peak), %.1f needed (%.0f%%)%n",
                    k == 0 ? "shuffled (baseline)" : "bucketed, pools of " + lengthBuckets, wall / n, cpu / n,
                    100.0 * (padded - cells) / padded, gflop / n, useful / n, gflop * 1000 / wall,
                    100 * gflop * 1000 / wall / peakGflops, useful * 1000 / wall, 100 * useful * 1000 / wall / peakGflops);
        }
        out.printf(Locale.ROOT, "  bucketed step %.2fx faster than shuffled%n", mean[0] / mean[1]);
    }

    /** The first core's clock from /proc/cpuinfo, or 2.0 GHz where that file is missing. */
    private static double clockGhz() throws IOException {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) {
            return 2.0;
        }
        return Files.readAllLines(info).stream().filter(l -> l.startsWith("cpu MHz"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(':') + 1).trim()) / 1000)
                .findFirst().orElse(2.0);
    }
}
