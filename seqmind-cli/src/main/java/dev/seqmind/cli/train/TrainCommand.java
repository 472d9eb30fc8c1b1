package dev.seqmind.cli.train;

import dev.seqmind.cli.console.TerminalProgress;
import dev.seqmind.cli.data.DatasetOptions;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.SequenceDataset;
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
import dev.seqmind.neural.sasrec.LongHistory;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.modality.ModalityFile;
import dev.seqmind.neural.text.HybridTrainer;
import dev.seqmind.neural.text.ItemTextTemplate;
import dev.seqmind.neural.text.TextItemRepresentation;
import dev.seqmind.neural.text.UserText;
import dev.seqmind.neural.text.TextModelSpec;
import dev.seqmind.neural.text.TextSettings;
import dev.seqmind.neural.train.LrSchedule;
import dev.seqmind.neural.train.TrainConfig;
import dev.seqmind.neural.train.TrainingWindows;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.eval.EvalConfig;
import dev.seqmind.rec.eval.EvalResult;
import dev.seqmind.rec.eval.Evaluator;
import dev.seqmind.rec.topk.SeenItems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code seqmind train --model sasrec|sasrec-text|bert4rec|gru4rec|gru4rec-text|lstm|srgnn --data DIR|FILE --out DIR
 * [--resume] [--item-vectors NAME=FILE ...]}: opens the data as
 * {@code evaluate} does (a cleaned dataset directory or a log), splits it (leave-one-out or temporal), fits on the
 * training part with early stopping on validation NDCG@10, tests with full ranking, and writes a model directory
 * (weights, configuration, item map, provenance with the dataset's fingerprint, model card).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a neural sequence recommender (leave-one-out, full ranking) and write a model directory.")
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The architectures {@code --model} accepts. */
    static final class ModelNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("sasrec", "sasrec-text", "bert4rec", "gru4rec", "gru4rec-text", "lstm",
                    "srgnn").iterator();
        }
    }

    @Option(names = "--model", required = true, completionCandidates = ModelNames.class,
            description = "Architecture: ${COMPLETION-CANDIDATES}.")
    String model;
    @CommandLine.Mixin
    DatasetOptions dataset;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write.")
    Path out;
    @Option(names = "--checkpoints", paramLabel = "DIR",
            description = "Checkpoint directory (default: OUT/checkpoints).")
    Path checkpoints;
    @Option(names = "--resume", description = "Continue from the checkpoint directory.")
    boolean resume;
    @Option(names = "--epochs", defaultValue = "100",
            description = "Most training epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;
    @Option(names = "--batch", defaultValue = "128",
            description = "Sequences per training step. Default: ${DEFAULT-VALUE}.")
    int batch;
    @Option(names = "--lr", defaultValue = "0.001",
            description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    float lr;
    @Option(names = "--weight-decay", defaultValue = "0",
            description = "Decoupled (AdamW) weight decay. Default: ${DEFAULT-VALUE}.")
    float weightDecay;
    @Option(names = "--warmup", defaultValue = "0",
            description = "Linear warm-up steps. Default: ${DEFAULT-VALUE}.")
    int warmup;
    @Option(names = "--schedule", defaultValue = "CONSTANT",
            description = "Learning-rate schedule after warm-up: ${COMPLETION-CANDIDATES}."
                    + " Default: ${DEFAULT-VALUE}.")
    LrSchedule schedule;
    @Option(names = "--beta2", defaultValue = "0.999",
            description = "Adam second-moment decay. Default: ${DEFAULT-VALUE}.")
    float beta2;
    @Option(names = "--clip", defaultValue = "5",
            description = "Gradient-norm clip, 0 = none. Default: ${DEFAULT-VALUE}.")
    float clip;
    @Option(names = "--windows", defaultValue = "LAST", description = "Histories longer than --max-len: LAST window"
            + " only (the published recipes) or ALL windows (every transition a target)."
            + " Default: ${DEFAULT-VALUE}.")
    TrainingWindows windows;
    @Option(names = "--augment", defaultValue = "none", paramLabel = "OP:RATE,...", description = "Sequence "
            + "augmentation: any of crop:ETA (keep a random run of that share), reorder:BETA (shuffle a random run of "
            + "that share), drop:GAMMA (remove that share of the items), e.g. crop:0.6,reorder:0.3. "
            + "Default: ${DEFAULT-VALUE}.")
    String augment;
    @Option(names = "--length-buckets", defaultValue = "8", paramLabel = "BATCHES", description = "Form batches of "
            + "similar length: the shuffled rows are sorted by length in pools of this many batches, so a batch is "
            + "padded only to its own longest row; 0 = batches in shuffled order. Default: ${DEFAULT-VALUE}.")
    int lengthBuckets;
    @Option(names = "--contrastive", defaultValue = "0", paramLabel = "WEIGHT", description = "CL4SRec's contrastive"
            + " term (sasrec only): two views of each training sequence, made by the --augment operators, scored"
            + " against each other with InfoNCE, added with this weight; 0 = off. Default: ${DEFAULT-VALUE}.")
    float contrastive;
    @Option(names = "--contrastive-temperature", defaultValue = "1", paramLabel = "TAU", description = "InfoNCE"
            + " temperature of --contrastive. Default: ${DEFAULT-VALUE}.")
    float contrastiveTemperature;
    @Option(names = "--augment-prob", defaultValue = "0.5", description = "Chance that a training sequence is "
            + "replaced by an augmented view in a step (with --augment). Default: ${DEFAULT-VALUE}.")
    float augmentProb;
    @Option(names = "--patience", defaultValue = "10",
            description = "Stop after this many epochs without a better validation NDCG@10."
                    + " Default: ${DEFAULT-VALUE}.")
    int patience;
    @Option(names = "--dim", defaultValue = "64",
            description = "Item embedding and hidden size. Default: ${DEFAULT-VALUE}.")
    int dim;
    @Option(names = "--blocks", defaultValue = "2",
            description = "Transformer blocks (SASRec, BERT4Rec). Default: ${DEFAULT-VALUE}.")
    int blocks;
    @Option(names = "--heads", defaultValue = "1",
            description = "Attention heads (BERT4Rec: 2 when left at 1). Default: ${DEFAULT-VALUE}.")
    int heads;
    @Option(names = "--norm", description = "Transformer LayerNorm placement: PRE (x += f(LN(x))),"
            + " POST (x = LN(x + f(x)), BERT's) or QUERY (SASRec's own: LN on the attention's queries only)."
            + " Default: QUERY for sasrec, POST for bert4rec (the published code's).")
    NormPlacement norm;
    @Option(names = "--positions", description = "Transformer positions count from the NEWEST item (always the last"
            + " position) or from the OLDEST in the window (position 0, the published code's). Default: OLDEST.")
    PositionOrigin positions;
    @Option(names = "--init", description = "Transformer weight matrices: XAVIER (Glorot uniform) or NORMAL"
            + " (N(0, 0.02), BERT's and the published SASRec+ code's). Default: NORMAL.") WeightInit init;
    @Option(names = "--bert-head", description = "BERT4Rec output: TRANSFORM (BERT's LN(GELU(hW+b)) before the tied"
            + " embeddings) or LINEAR (hidden states against them directly, the published BERT4Rec code's)."
            + " Default: LINEAR.")
    Bert4RecHead bertHead;
    @Option(names = "--ffn-dim", description = "BERT4Rec feed-forward inner size (default: 4 x --dim).") Integer ffnDim;
    @Option(names = "--hidden", defaultValue = "128",
            description = "GRU4Rec and LSTM hidden units. Default: ${DEFAULT-VALUE}.")
    int hidden;
    @Option(names = "--gnn-steps", defaultValue = "1",
            description = "SR-GNN gated graph propagation steps. Default: ${DEFAULT-VALUE}.")
    int gnnSteps;
    @Option(names = "--prefixes", defaultValue = "8", description = "SR-GNN training examples drawn from each "
            + "training sequence per step (random cut points; every one when fewer). Default: ${DEFAULT-VALUE}.")
    int prefixes;
    @Option(names = "--dropout", defaultValue = "0.1",
            description = "Dropout rate in embeddings and blocks. Default: ${DEFAULT-VALUE}.")
    float dropout;
    @Option(names = "--max-len", defaultValue = "200",
            description = "Most recent events a model reads per user (srgnn: 50 unless given)."
                    + " Default: ${DEFAULT-VALUE}.")
    int maxLen;
    @Option(names = "--mask-prob", defaultValue = "0.2",
            description = "BERT4Rec masking probability. Default: ${DEFAULT-VALUE}.")
    float maskProb;
    @Option(names = "--loss", defaultValue = "FULL_SOFTMAX",
            description = "SASRec loss: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    SasRecLoss loss;
    @Option(names = "--negatives", defaultValue = "3000",
            description = "SASRec sampled-softmax negatives. Default: ${DEFAULT-VALUE}.")
    int negatives;
    @Option(names = "--long-history", defaultValue = "none", paramLabel = "none|summary", description = "SASRec and "
            + "histories longer than --max-len: none (plain truncation to the most recent --max-len items) or summary"
            + " (also --memory-tokens learned tokens, one per chunk of the older events, that every window position"
            + " may attend to; saved in the model directory). Default: ${DEFAULT-VALUE}.")
    String longHistory;
    @Option(names = "--memory-tokens", defaultValue = "" + SasRecConfig.DEFAULT_MEMORY_TOKENS, paramLabel = "K",
            description = "Memory tokens of --long-history summary: the events older than the window are cut into"
                    + " this many chunks of near-equal size. Default: ${DEFAULT-VALUE}.")
    int memoryTokens;
    @Option(names = "--init-from", paramLabel = "MODEL_DIR", description = "Warm start: begin from the weights of a"
            + " model directory of the same family trained on the same data (parameters it lacks, e.g. a new"
            + " --long-history memory, start fresh; the optimiser starts fresh). Default: from scratch.")
    Path initFrom;
    @Option(names = "--keep-seen", description = "Rank items already in the history too (default: filter them).")
    boolean keepSeen;
    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of initialisation, sampling and dropout. Default: ${DEFAULT-VALUE}.")
    long seed;
    @Option(names = "--threads", defaultValue = "2",
            description = "PyTorch intra-op threads. Default: ${DEFAULT-VALUE}.")
    int threads;
    @Option(names = "--text-model", defaultValue = "minilm", description = "The hybrids' (sasrec-text, gru4rec-text) "
            + "sentence model: minilm, "
            + "bge-small-zh or a local .onnx path (tokenizer.json beside it). Default: ${DEFAULT-VALUE}.")
    String textModel;
    @Option(names = "--item-text", defaultValue = ItemTextTemplate.DEFAULT, description = "The hybrids' item text "
            + "template over the --items fields. Default: ${DEFAULT-VALUE}.")
    String itemText;
    @Option(names = "--item-vectors", paramLabel = "NAME=FILE", description = "Another modality for the hybrids "
            + "(repeatable): per-item vectors, e.g. image embeddings, as .npy (float32/float64, 2-D; item ids in FILE"
            + " with .ids for .npy, one a line, or in the first column) or .tsv (item id, then the values). Each is "
            + "fused through its own learned projection; items the file lacks are masked. Default: none.")
    java.util.List<String> itemVectors = new java.util.ArrayList<>();
    @Option(names = "--user-text", description = "sasrec-text only: also render each history's last "
            + "--user-text-items items as a sentence (\"Watched A, then B, ...\", as lm-zero-shot), embed it with the "
            + "text model (cached) and fuse a learned projection of it into the final user state through a learned "
            + "gate. Training rows get a new sentence every --user-text-every items, made from their own prefix only. "
            + "Saved in the model directory. Default: off.")
    boolean userText;
    @Option(names = "--user-text-items", paramLabel = "N", defaultValue = "10",
            description = "Items in the --user-text sentence. Default: ${DEFAULT-VALUE}.")
    int userTextItems = 10;
    @Option(names = "--user-text-every", paramLabel = "N", defaultValue = "25", description = "A training row's "
            + "--user-text sentence is renewed after every N items (fewer sentences to embed; cells before the "
            + "first checkpoint get none). Inference always uses the whole history's. Default: ${DEFAULT-VALUE}.")
    int userTextEvery = 25;
    @Option(names = "--user-text-verb", paramLabel = "WORD", defaultValue = "Watched",
            description = "The --user-text sentence's verb. Default: ${DEFAULT-VALUE}.")
    String userTextVerb = "Watched";
    @Option(names = "--vector-cache", paramLabel = "DIR", description = "The hybrids' text vector cache "
            + "(default: $SEQMIND_CACHE/embeddings, else ~/.cache/seqmind/embeddings).")
    Path vectorCache;
    @Option(names = "--djl-cache", paramLabel = "DIR",
            description = "Where the native PyTorch libraries are unpacked (DJL_CACHE_DIR).")
    Path djlCache;

    @picocli.CommandLine.Mixin
    DpTrainOptions dp;

    @picocli.CommandLine.Mixin
    FederatedTrainOptions federated;

    /** What is learnt. */
    enum Task {
        /** Next-item recommendation (the default). */
        NEXT_ITEM,
        /** Whether a sequence reaches the --label action, from its events before it. */
        CLASSIFY
    }

    @Option(names = "--task", defaultValue = "NEXT_ITEM", description = "What to learn: ${COMPLETION-CANDIDATES} "
            + "(CLASSIFY: will the sequence reach --label, with --model gru4rec, lstm or sasrec (Transformer) as the encoder, beside a "
            + "logistic regression on counts; writes OUT/classification.json). Default: ${DEFAULT-VALUE}.")
    Task task = Task.NEXT_ITEM;
    @Option(names = "--label", defaultValue = "buy",
            description = "The action --task CLASSIFY predicts. Default: ${DEFAULT-VALUE}.")
    String label = "buy";

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        if (task == Task.CLASSIFY) {
            var encoder = ClassifyRun.encoder(model);
            SequenceDataset data = dataset.load(TerminalProgress.stderr(false));
            var cfg = new dev.seqmind.neural.classify.ClassifierConfig(encoder, dim, hidden, maxLen, epochs, batch, lr,
                    patience);
            return new ClassifyRun(model, label, cfg, new EngineOptions(djlCache, threads, 1), seed, out)
                    .run(data, spec.commandLine().getOut(), line -> log(err, line));
        }
        SequenceDataset full = dataset.load(TerminalProgress.stderr(false));
        Split split = dataset.split(full, seed);
        log(err, "data " + full + "; validation " + split.validation().size() + ", test " + split.test().size());
        TrainConfig tc = trainConfig();
        EngineOptions eo = new EngineOptions(djlCache, threads, 1);
        FitContext ctx = new FitContext(seed, threads, split.validation(),
                TerminalProgress.stderr(false));
        boolean hybrid = model.equals(TextItemRepresentation.FAMILY) || model.equals(TextItemRepresentation.GRU_FAMILY);
        if (!hybrid && !itemVectors.isEmpty()) {
            throw new InvalidParameterException("--item-vectors", String.join(" ", itemVectors),
                    "only with --model sasrec-text or gru4rec-text");
        }
        if (userText && !model.equals(TextItemRepresentation.FAMILY)) {
            throw new InvalidParameterException("--user-text", "on", "only with --model sasrec-text");
        }
        NeuralTrainer trainer = hybrid
                ? new HybridTrainer(model.equals(TextItemRepresentation.FAMILY) ? sasRecConfig() : gru4RecConfig(),
                        textSettings(),
                        itemVectors.stream().map(v -> ModalityFile.parse("--item-vectors", v)).toList(), tc, eo,
                        HybridTrainer.ID_DROPOUT)
                        .withUserText(userText ? new UserText(userTextItems, userTextVerb, userTextEvery) : null)
                        .neuralTrainer(split.train(), line -> log(err, line))
                : trainer(tc, eo, line -> log(err, line));
        if (longHistory() == LongHistory.SUMMARY && (federated.enabled() || dp.enabled())) {
            throw new InvalidParameterException("--long-history", longHistory,
                    "none with federated or DP-SGD training", "they train on cut windows only");
        }
        NeuralTrainer.Fitted fitted = federated.enabled()
                ? federated.fit(trainer, split.train(), ctx, batch, lr, clip, windows, dp)
                : dp.enabled() ? dp.fit(trainer, split.train(), ctx, epochs, batch, lr)
                : trainer.fitWithState(split.train(), ctx);
        EvalResult test = new Evaluator(EvalConfig.defaults().withThreads(1)
                .withSeen(keepSeen ? SeenItems.KEEP : SeenItems.EXCLUDE)).test(fitted.model(), split, ctx.progress());
        ModelCards.Written w = ModelCards.write(out, trainer, fitted, split, test, keepSeen, commandLine(), seed,
                DatasetFingerprint.of(full).id());
        if (federated.enabled()) {
            federated.recordInCard(out);
        } else {
            dp.recordInCard(out);
        }
        log(err, String.format("test (%d users, full ranking, seen items %s): HR@10 %.4f NDCG@10 %.4f; best epoch %d"
                        + " of %d; training %.0fs (%.1fs/epoch); model written to %s",
                test.numCases(), keepSeen ? "kept" : "filtered", w.hr10(), w.ndcg10(), fitted.state().bestEpoch(),
                fitted.state().epoch(), fitted.state().trainSeconds(), w.secondsPerEpoch(), out));
        return 0;
    }

    /** The training recipe these options describe; checkpoints default to {@code OUT/checkpoints}. */
    TrainConfig trainConfig() {
        Path ckpt = checkpoints != null ? checkpoints : out.resolve("checkpoints");
        if (contrastive > 0 && !model.equals("sasrec")) {
            throw new InvalidParameterException("--contrastive", contrastive, "0 unless --model sasrec");
        }
        var views = dev.seqmind.neural.train.Augmentation.parse(augment, 1);
        if (longHistory() == LongHistory.SUMMARY && !model.equals("sasrec")) {
            throw new InvalidParameterException("--long-history", longHistory, "none unless --model sasrec");
        }
        if (initFrom != null && !java.nio.file.Files.isRegularFile(initFrom.resolve("weights.bin"))) {
            throw new InvalidParameterException("--init-from", initFrom, "a neural model directory",
                    "no weights.bin there");
        }
        return new TrainConfig(epochs, batch, lr, weightDecay, warmup, schedule, clip, patience, 1, !keepSeen, ckpt,
                resume, windows, beta2, dev.seqmind.neural.train.Augmentation.parse(augment, augmentProb),
                new dev.seqmind.neural.train.LengthBuckets(lengthBuckets),
                new dev.seqmind.neural.train.ContrastiveObjective(contrastive, contrastiveTemperature, views),
                initFrom);
    }

    /**
     * The next-item trainer these options describe, as {@code tune} runs each trial (sasrec-text and DP-SGD are
     * {@link #call}'s own).
     */
    NeuralTrainer nextItemTrainer(java.util.function.Consumer<String> log) {
        return trainer(trainConfig(), new EngineOptions(djlCache, threads, 1), log);
    }

    private NeuralTrainer trainer(TrainConfig tc, EngineOptions eo, java.util.function.Consumer<String> log) {
        BlockStyle style = blockStyle(NormPlacement.POST);
        return switch (model) {
            case "sasrec" -> NeuralTrainer.sasRec(sasRecConfig(), tc, eo, log);
            case "gru4rec" -> NeuralTrainer.gru4Rec(gru4RecConfig(), tc, eo, log);
            case "lstm" -> NeuralTrainer.lstm(new dev.seqmind.neural.lstm.LstmRecConfig(dim, hidden, dropout, maxLen), tc,
                    eo, log);
            case "srgnn" -> NeuralTrainer.srGnn(new dev.seqmind.neural.srgnn.SrGnnConfig(dim, gnnSteps,
                    maxLenGiven() ? maxLen : dev.seqmind.neural.srgnn.SrGnnConfig.defaults().maxLength(), prefixes),
                    tc, eo, log);
            case "bert4rec" -> NeuralTrainer.bert4Rec(new Bert4RecConfig(dim, ffnDim == null ? 4 * dim : ffnDim, blocks,
                    heads == 1 ? 2 : heads, dropout, maxLen, maskProb, style,
                    bertHead == null ? Bert4RecHead.LINEAR : bertHead), tc, eo, log);
            default -> throw new InvalidParameterException("--model", model,
                    "one of sasrec, sasrec-text, bert4rec, gru4rec, gru4rec-text, lstm, srgnn");
        };
    }

    private boolean maxLenGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--max-len");
    }

    private TextSettings textSettings() {
        TextSettings t = TextSettings.of(TextModelSpec.byName(textModel)).withTemplate(itemText);
        return vectorCache == null ? t : t.withCacheDir(vectorCache);
    }

    private Gru4RecConfig gru4RecConfig() {
        return new Gru4RecConfig(dim, hidden, dropout, maxLen);
    }

    private SasRecConfig sasRecConfig() {
        SasRecConfig plain = new SasRecConfig(dim, blocks, heads, dropout, maxLen, loss, negatives,
                blockStyle(NormPlacement.QUERY));
        return model.equals("sasrec") ? plain.withLongHistory(longHistory(), memoryTokens) : plain;
    }

    private LongHistory longHistory() {
        return LongHistory.parse("--long-history", longHistory == null ? "none" : longHistory);
    }

    /**
     * The block style given, each part not given taken from the published code: {@code publishedNorm}, positions
     * from the oldest item, N(0, 0.02) weights. (Model files without a style still load as pre-norm, newest-first,
     * Glorot: the defaults before these.)
     */
    private BlockStyle blockStyle(NormPlacement publishedNorm) {
        return new BlockStyle(norm != null ? norm : publishedNorm, positions != null ? positions : PositionOrigin.OLDEST,
                init != null ? init : WeightInit.NORMAL);
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
