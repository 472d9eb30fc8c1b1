package dev.seqmind.cli.train;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.read.InputFiles;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.neural.bert4rec.Bert4RecConfig;
import dev.seqmind.neural.bert4rec.Bert4RecHead;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.neural.gru4rec.Gru4RecConfig;
import dev.seqmind.neural.model.NeuralTrainer;
import dev.seqmind.neural.nn.BlockStyle;
import dev.seqmind.neural.nn.NormPlacement;
import dev.seqmind.neural.nn.PositionOrigin;
import dev.seqmind.neural.nn.WeightInit;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.text.HybridSasRecTrainer;
import dev.seqmind.neural.text.ItemTextTemplate;
import dev.seqmind.neural.text.TextItemRepresentation;
import dev.seqmind.neural.text.TextModelSpec;
import dev.seqmind.neural.text.TextSettings;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.train.LrSchedule;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.neural.train.TrainingWindows;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.eval.EvalConfig;
import dev.seqmind.rec.eval.EvalResult;
import dev.seqmind.rec.eval.Evaluator;
import dev.seqmind.rec.topk.SeenItems;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code seqmind train --model sasrec|bert4rec|gru4rec --data FILE --out DIR [--resume]}: leave-one-out split, fit
 * on the training part with early stopping on validation NDCG@10, test on each user's last item with full ranking,
 * and write a model directory (weights, configuration, item map, provenance, model card).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a neural sequence recommender (leave-one-out, full ranking) and write a model directory.")
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "sasrec, sasrec-text (hybrid with item text), bert4rec "
            + "or gru4rec")
    String model;
    @Option(names = "--data", required = true, description = "interaction log (format detected, e.g. 'user item' lines)")
    Path data;
    @Option(names = "--format", description = "input format when detection is not wanted, e.g. sasrec, csv")
    String format;
    @Option(names = "--out", required = true, description = "model directory to write")
    Path out;
    @Option(names = "--checkpoints", description = "checkpoint directory (default: OUT/checkpoints)")
    Path checkpoints;
    @Option(names = "--resume", description = "continue from the checkpoint directory")
    boolean resume;
    @Option(names = "--epochs", defaultValue = "100") int epochs;
    @Option(names = "--batch", defaultValue = "128") int batch;
    @Option(names = "--lr", defaultValue = "0.001") float lr;
    @Option(names = "--weight-decay", defaultValue = "0", description = "decoupled (AdamW) weight decay") float weightDecay;
    @Option(names = "--warmup", defaultValue = "0", description = "linear warm-up steps") int warmup;
    @Option(names = "--schedule", defaultValue = "CONSTANT", description = "CONSTANT, LINEAR or COSINE") LrSchedule schedule;
    @Option(names = "--beta2", defaultValue = "0.999", description = "Adam second-moment decay") float beta2;
    @Option(names = "--clip", defaultValue = "5", description = "gradient-norm clip, 0 = none") float clip;
    @Option(names = "--windows", defaultValue = "LAST", description = "histories longer than --max-len: LAST window"
            + " only (the published recipes) or ALL windows (every transition a target)") TrainingWindows windows;
    @Option(names = "--patience", defaultValue = "10", description = "epochs without better validation NDCG@10") int patience;
    @Option(names = "--dim", defaultValue = "64") int dim;
    @Option(names = "--blocks", defaultValue = "2") int blocks;
    @Option(names = "--heads", defaultValue = "1", description = "attention heads (BERT4Rec: 2 when left at 1)") int heads;
    @Option(names = "--norm", defaultValue = "PRE", description = "Transformer LayerNorm placement: PRE (x += f(LN(x))),"
            + " POST (x = LN(x + f(x)), BERT's) or QUERY (SASRec's own: LN on the attention's queries only)")
    NormPlacement norm;
    @Option(names = "--positions", defaultValue = "NEWEST", description = "Transformer positions count from the NEWEST"
            + " item (always the last position) or from the OLDEST in the window (position 0, the published code's)")
    PositionOrigin positions;
    @Option(names = "--init", defaultValue = "XAVIER", description = "Transformer weight matrices: XAVIER (Glorot"
            + " uniform) or NORMAL (N(0, 0.02), BERT's)") WeightInit init;
    @Option(names = "--bert-head", defaultValue = "TRANSFORM", description = "BERT4Rec output: TRANSFORM (BERT's"
            + " LN(GELU(hW+b)) before the tied embeddings) or LINEAR (hidden states against them directly)")
    Bert4RecHead bertHead;
    @Option(names = "--ffn-dim", description = "BERT4Rec feed-forward inner size (default 4 x dim)") Integer ffnDim;
    @Option(names = "--hidden", defaultValue = "128", description = "GRU4Rec hidden units") int hidden;
    @Option(names = "--dropout", defaultValue = "0.1") float dropout;
    @Option(names = "--max-len", defaultValue = "200") int maxLen;
    @Option(names = "--mask-prob", defaultValue = "0.2", description = "BERT4Rec masking probability") float maskProb;
    @Option(names = "--loss", defaultValue = "FULL_SOFTMAX", description = "SASRec: FULL_SOFTMAX, SAMPLED_SOFTMAX or BCE")
    SasRecLoss loss;
    @Option(names = "--negatives", defaultValue = "3000", description = "SASRec sampled-softmax negatives") int negatives;
    @Option(names = "--keep-seen", description = "rank items already in the history too (default: filter them)")
    boolean keepSeen;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--threads", defaultValue = "2", description = "PyTorch intra-op threads") int threads;
    @Option(names = "--items", description = "item table with a header (id first; title, genres/categories): the "
            + "item text of sasrec-text") Path items;
    @Option(names = "--text-model", defaultValue = "minilm", description = "sasrec-text's sentence model: minilm, "
            + "bge-small-zh or a local .onnx path (default ${DEFAULT-VALUE})") String textModel;
    @Option(names = "--item-text", defaultValue = ItemTextTemplate.DEFAULT, description = "sasrec-text's item text "
            + "template (default ${DEFAULT-VALUE})") String itemText;
    @Option(names = "--djl-cache", description = "where the native PyTorch libraries are unpacked (DJL_CACHE_DIR)")
    Path djlCache;

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        SequenceDataset full = load();
        Split split = new LeaveOneOutSplitter().split(full);
        log(err, "data " + full + "; validation " + split.validation().size() + ", test " + split.test().size());
        Path ckpt = checkpoints != null ? checkpoints : out.resolve("checkpoints");
        TrainConfig tc = new TrainConfig(epochs, batch, lr, weightDecay, warmup, schedule, clip, patience, 1,
                !keepSeen, ckpt, resume, windows, beta2);
        EngineOptions eo = new EngineOptions(djlCache, threads, 1);
        FitContext ctx = new FitContext(seed, threads, split.validation(),
                dev.seqmind.cli.TerminalProgress.stderr(false));
        NeuralTrainer trainer = model.equals(TextItemRepresentation.FAMILY)
                ? new HybridSasRecTrainer(TextSettings.of(TextModelSpec.byName(textModel)).withTemplate(itemText),
                        sasRecConfig(), tc, eo, HybridSasRecTrainer.ID_DROPOUT).neuralTrainer(split.train(), line -> log(err, line))
                : trainer(tc, eo, err);
        NeuralTrainer.Fitted fitted = trainer.fitWithState(split.train(), ctx);
        EvalResult test = new Evaluator(EvalConfig.defaults().withThreads(1)
                .withSeen(keepSeen ? SeenItems.KEEP : SeenItems.EXCLUDE)).test(fitted.model(), split, ctx.progress());
        ModelCards.Written w = ModelCards.write(out, trainer, fitted, split, test, keepSeen, commandLine(), seed);
        log(err, String.format("test (%d users, full ranking, seen items %s): HR@10 %.4f NDCG@10 %.4f; best epoch %d"
                        + " of %d; training %.0fs (%.1fs/epoch); model written to %s",
                test.numCases(), keepSeen ? "kept" : "filtered", w.hr10(), w.ndcg10(), fitted.state().bestEpoch(),
                fitted.state().epoch(), fitted.state().trainSeconds(), w.secondsPerEpoch(), out));
        return 0;
    }

    private SequenceDataset load() throws IOException {
        InputFiles.requireExists(data);
        InputFormat f = format == null ? InputFormat.detect(data) : InputFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        String name = data.getFileName().toString().replaceFirst("\\.(txt|csv|tsv|dat|inter|jsonl)(\\.gz)?$", "");
        SequenceDataset ds = new Ingestor(dev.seqmind.data.progress.Progress.NONE)
                .run(IngestSpec.of(name, InputSpec.of(data, f))).dataset();
        return items == null ? ds : ds.withCatalog(ds.catalog().merge(
                dev.seqmind.cli.rec.ItemTables.read(items)));
    }

    private NeuralTrainer trainer(TrainConfig tc, EngineOptions eo, PrintStream err) {
        BlockStyle style = new BlockStyle(norm, positions, init);
        return switch (model) {
            case "sasrec" -> NeuralTrainer.sasRec(sasRecConfig(), tc, eo, line -> log(err, line));
            case "gru4rec" -> NeuralTrainer.gru4Rec(new Gru4RecConfig(dim, hidden, dropout, maxLen), tc, eo,
                    line -> log(err, line));
            case "bert4rec" -> NeuralTrainer.bert4Rec(new Bert4RecConfig(dim, ffnDim == null ? 4 * dim : ffnDim, blocks,
                    heads == 1 ? 2 : heads, dropout, maxLen, maskProb, style, bertHead), tc, eo, line -> log(err, line));
            default -> throw new InvalidParameterException("--model", model,
                    "one of sasrec, sasrec-text, bert4rec, gru4rec");
        };
    }

    private SasRecConfig sasRecConfig() {
        return new SasRecConfig(dim, blocks, heads, dropout, maxLen, loss, negatives,
                new BlockStyle(norm, positions, init));
    }

    /** The invocation as typed; a resumed run records only its own (the stages before it are the user's to keep). */
    private String commandLine() {
        return "seqmind " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    static void log(PrintStream err, String line) {
        err.println(Instant.now() + " " + line);
        err.flush();
    }
}
