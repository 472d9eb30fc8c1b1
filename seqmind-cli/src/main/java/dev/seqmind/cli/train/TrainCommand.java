package dev.seqmind.cli.train;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.train.LrSchedule;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.rec.FitContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code seqmind train --model sasrec|bert4rec|gru4rec --data FILE --out DIR [--resume]}: leave-one-out split, fit
 * with early stopping on validation NDCG@10, test on the last item with full ranking, write the model directory.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a neural sequence recommender (leave-one-out, full ranking) and write a model directory.")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "sasrec, bert4rec or gru4rec")
    String model;
    @Option(names = "--data", required = true, description = "'user item' file, each user's lines in time order")
    Path data;
    @Option(names = "--out", required = true, description = "model directory to write")
    Path out;
    @Option(names = "--checkpoints", description = "checkpoint directory (default: OUT/checkpoints)")
    Path checkpoints;
    @Option(names = "--resume", description = "continue from the checkpoint directory")
    boolean resume;
    @Option(names = "--epochs", defaultValue = "100") int epochs;
    @Option(names = "--batch", defaultValue = "128") int batch;
    @Option(names = "--lr", defaultValue = "0.001") float lr;
    @Option(names = "--weight-decay", defaultValue = "0") float weightDecay;
    @Option(names = "--warmup", defaultValue = "0", description = "warm-up steps") int warmup;
    @Option(names = "--schedule", defaultValue = "CONSTANT", description = "CONSTANT, LINEAR or COSINE") LrSchedule schedule;
    @Option(names = "--clip", defaultValue = "5", description = "gradient-norm clip, 0 = none") float clip;
    @Option(names = "--patience", defaultValue = "10") int patience;
    @Option(names = "--dim", defaultValue = "64") int dim;
    @Option(names = "--blocks", defaultValue = "2") int blocks;
    @Option(names = "--heads", defaultValue = "1") int heads;
    @Option(names = "--dropout", defaultValue = "0.1") float dropout;
    @Option(names = "--max-len", defaultValue = "200") int maxLen;
    @Option(names = "--loss", defaultValue = "FULL_SOFTMAX", description = "FULL_SOFTMAX, SAMPLED_SOFTMAX or BCE")
    SasRecLoss loss;
    @Option(names = "--negatives", defaultValue = "3000") int negatives;
    @Option(names = "--keep-seen", description = "rank items already in the history too (default: filter them)")
    boolean keepSeen;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--threads", defaultValue = "2") int threads;
    @Option(names = "--djl-cache", description = "where the native PyTorch libraries are unpacked")
    Path djlCache;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        long t0 = System.nanoTime();
        SequenceDataset full = UserItemFile.read(data);
        Split split = new LeaveOneOutSplitter().split(full);
        err.println("data " + full + "; validation " + split.validation().size() + ", test " + split.test().size());
        Path ckpt = checkpoints != null ? checkpoints : out.resolve("checkpoints");
        TrainConfig tc = new TrainConfig(epochs, batch, lr, weightDecay, warmup, schedule, clip, patience, 1,
                !keepSeen, ckpt, resume);
        EngineOptions eo = new EngineOptions(djlCache, threads, 1);
        FitContext ctx = new FitContext(seed, threads, split.validation(),
                new ConsoleProgress(err, System.console() != null, 60_000));
        var fitted = switch (model) {
            case "sasrec" -> NeuralTrainer.sasRec(new SasRecConfig(dim, blocks, heads, dropout, maxLen, loss, negatives),
                    tc, eo, line -> log(err, line)).fitWithState(split.train(), ctx);
            default -> throw new InvalidParameterException("model", model, "one of sasrec, bert4rec, gru4rec");
        };
        var test = TestEvaluation.run(fitted.model(), split, !keepSeen);
        log(err, String.format("test (%d users, full ranking, seen %s): HR@10 %.4f NDCG@10 %.4f; best epoch %d of %d;"
                        + " train %.0fs; total %.0fs",
                test.cases(), keepSeen ? "kept" : "filtered", test.hitRate(), test.ndcg(), fitted.state().bestEpoch(),
                fitted.state().epoch(), fitted.state().trainSeconds(), (System.nanoTime() - t0) / 1e9));
        return 0;
    }

    private static void log(PrintStream err, String line) {
        err.println(Instant.now() + " " + line);
        err.flush();
    }
}
