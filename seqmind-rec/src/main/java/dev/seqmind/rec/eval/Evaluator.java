package dev.seqmind.rec.eval;

import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.EvalCase;
import dev.seqmind.data.split.Split;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.rank.TopKSelector;
import dev.seqmind.rec.rerank.MmrReranker;
import dev.seqmind.rec.topk.SeenItems;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates a fitted model on a split's cases. Users are streamed in batches of {@link EvalConfig#batchSize()} over
 * {@link EvalConfig#threads()} workers, each scoring its batch with {@link Recommender#scoreBatch}; memory is bounded
 * by threads x batch size x items floats, whatever the number of users. Results do not depend on the thread count.
 * Stateless; thread-safe.
 */
public final class Evaluator {
    private final EvalConfig config;
    private final MmrReranker reranker;

    public Evaluator(EvalConfig config) {
        this(config, null);
    }

    private Evaluator(EvalConfig config, MmrReranker reranker) {
        this.config = config;
        this.reranker = reranker;
    }

    /**
     * This evaluator with each top-K list re-ranked by {@code value} before it is measured (null: none); results are
     * named {@code model+mmr0.7}.
     */
    public Evaluator withReranker(MmrReranker value) {
        return new Evaluator(config, value);
    }

    /** The re-ranking step, or null when lists are measured as the model ranks them. */
    public MmrReranker reranker() {
        return reranker;
    }

    public EvalConfig config() {
        return config;
    }

    /** The test cases of {@code split}; popularity-based figures count {@code split.trainForTest()}. */
    public EvalResult test(Recommender model, Split split, Progress progress) {
        return evaluate(model, split, split.test(), split.trainForTest(), progress);
    }

    /** The validation cases of {@code split}; popularity-based figures count {@code split.train()}. */
    public EvalResult validate(Recommender model, Split split, Progress progress) {
        return evaluate(model, split, split.validation(), split.train(), progress);
    }

    /**
     * Evaluates {@code cases} (histories from {@code split.full()}), with beyond-accuracy popularity counted on
     * {@code training}.
     */
    public EvalResult evaluate(Recommender model, Split split, List<EvalCase> cases, SequenceDataset training,
                               Progress progress) {
        int numItems = model.numItems();
        if (numItems != split.full().numItems()) {
            throw new IllegalArgumentException("model scores " + numItems + " items, the split has "
                    + split.full().numItems());
        }
        int[] ks = config.ks();
        int nk = ks.length;
        int nm = Metric.values().length;
        int n = cases.size();
        float[][][] perUser = new float[nm][nk][n];
        boolean sampled = config.candidates().isSampled();
        double[][] novelty = new double[nk][n];
        double[][] ild = new double[nk][n];
        double[][] pop = new double[nk][n];
        int[][][] recCounts = new int[config.threads()][nk][sampled ? 0 : numItems];
        int[] trainCounts = training.itemCounts();
        double[] selfInfo = selfInformation(trainCounts, training.numInteractions());
        CategoryIndex categories = CategoryIndex.of(split.full().items(), catalogOf(split));

        int batch = config.batchSize();
        int batches = (n + batch - 1) / batch;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger scored = new AtomicInteger();
        long t0 = System.nanoTime();
        try (Progress.Task task = progress.start("evaluate " + model.name(), n, "users");
             ExecutorService pool = Executors.newFixedThreadPool(config.threads())) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < config.threads(); w++) {
                final int[][] myCounts = recCounts[w];
                futures.add(pool.submit(() -> {
                    Worker worker = new Worker(model, split, numItems, myCounts);
                    int b;
                    while ((b = next.getAndIncrement()) < batches) {
                        if (progress.isCancelled()) {
                            return null;
                        }
                        int from = b * batch;
                        int to = Math.min(n, from + batch);
                        worker.run(cases, from, to, perUser, novelty, ild, pop, selfInfo, trainCounts, categories);
                        scored.addAndGet(to - from);
                        task.advance(to - from);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException("evaluation failed", c);
        }
        if (scored.get() < n) {
            throw new dev.seqmind.data.error.SeqmindException("evaluation of " + model.name()
                    + " was cancelled before all " + n + " users were scored");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<BeyondAccuracy> beyond = new ArrayList<>();
        if (!sampled) {
            for (int ki = 0; ki < nk; ki++) {
                int[] counts = new int[numItems];
                for (int[][] c : recCounts) {
                    for (int i = 0; i < numItems; i++) {
                        counts[i] += c[ki][i];
                    }
                }
                int covered = 0;
                for (int c : counts) {
                    covered += c > 0 ? 1 : 0;
                }
                beyond.add(new BeyondAccuracy(ks[ki], numItems == 0 ? 0 : (double) covered / numItems,
                        meanIgnoringNaN(novelty[ki]),
                        categories.available() ? meanIgnoringNaN(ild[ki]) : Double.NaN,
                        meanIgnoringNaN(pop[ki]), BeyondAccuracy.gini(counts)));
            }
        }
        String ranking = config.candidates().label() + (config.seen() == SeenItems.EXCLUDE
                ? ", seen items excluded" : ", seen items kept");
        String name = reranker == null ? model.name() : model.name() + "+" + reranker.label();
        if (reranker != null) {
            ranking += ", re-ranked by " + reranker.label() + " over the best " + reranker.poolSize();
        }
        return new EvalResult(name, ranking, config, ks, perUser, beyond, seconds,
                seconds > 0 ? n / seconds : Double.NaN);
    }

    private static ItemCatalog catalogOf(Split split) {
        return split.full().catalog();
    }

    private static double[] selfInformation(int[] counts, long events) {
        double[] out = new double[counts.length];
        double denom = (double) events + counts.length;
        for (int i = 0; i < counts.length; i++) {
            out[i] = -Math.log((counts[i] + 1.0) / denom) / Math.log(2);
        }
        return out;
    }

    private static double meanIgnoringNaN(double[] v) {
        double s = 0;
        int c = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                c++;
            }
        }
        return c == 0 ? Double.NaN : s / c;
    }

    /** One worker's buffers: a batch of score rows, a selector, a mask for sampling. Not thread-safe. */
    private final class Worker {
        private final Recommender model;
        private final Split split;
        private final int numItems;
        private final int[][] recCounts;
        private final TopKSelector selector = new TopKSelector();
        private final double[] metricBuf = new double[Metric.values().length];
        private float[][] scores = new float[0][];
        private final boolean[] used;

        Worker(Recommender model, Split split, int numItems, int[][] recCounts) {
            this.model = model;
            this.split = split;
            this.numItems = numItems;
            this.recCounts = recCounts;
            this.used = config.candidates().isSampled() ? new boolean[numItems] : new boolean[0];
        }

        void run(List<EvalCase> cases, int from, int to, float[][][] perUser, double[][] novelty, double[][] ild,
                 double[][] pop, double[] selfInfo, int[] trainCounts, CategoryIndex categories) {
            int size = to - from;
            if (scores.length < size) {
                scores = new float[size][numItems];
            }
            int[][] histories = new int[size][];
            for (int i = 0; i < size; i++) {
                histories[i] = split.history(cases.get(from + i));
            }
            float[][] out = scores.length == size ? scores : java.util.Arrays.copyOf(scores, size);
            model.scoreBatch(histories, out);
            int[] ks = config.ks();
            int maxK = config.maxK();
            boolean exclude = config.seen() == SeenItems.EXCLUDE;
            for (int i = 0; i < size; i++) {
                int c = from + i;
                EvalCase ec = cases.get(c);
                int[] h = histories[i];
                int[] targets = ec.targets();
                int want = reranker == null ? maxK : Math.max(maxK, reranker.poolSize());
                TopKSelector.Result top;
                if (config.candidates().isSampled()) {
                    top = selector.selectAmong(out[i], sampleCandidates(ec, h, exclude), want);
                } else {
                    top = exclude ? selector.select(out[i], numItems, want, h, h.length)
                            : selector.select(out[i], numItems, want);
                }
                if (reranker != null) {
                    top = reranker.rerank(top, maxK);
                }
                int[] list = top.items();
                for (int ki = 0; ki < ks.length; ki++) {
                    RankingMetrics.compute(list, list.length, targets, ks[ki], metricBuf, 0);
                    for (int m = 0; m < metricBuf.length; m++) {
                        perUser[m][ki][c] = (float) metricBuf[m];
                    }
                    if (!config.candidates().isSampled()) {
                        int len = Math.min(ks[ki], list.length);
                        double nov = 0;
                        double p = 0;
                        for (int j = 0; j < len; j++) {
                            recCounts[ki][list[j]]++;
                            nov += selfInfo[list[j]];
                            p += trainCounts[list[j]];
                        }
                        novelty[ki][c] = len == 0 ? Double.NaN : nov / len;
                        pop[ki][c] = len == 0 ? Double.NaN : p / len;
                        ild[ki][c] = categories.available() ? categories.intraListDistance(list, len) : Double.NaN;
                    }
                }
            }
        }

        /** The targets plus up to N distinct uniform negatives (not targets; not seen when excluding). */
        private int[] sampleCandidates(EvalCase ec, int[] history, boolean exclude) {
            int[] targets = ec.targets();
            for (int t : targets) {
                used[t] = true;
            }
            if (exclude) {
                for (int x : history) {
                    used[x] = true;
                }
            }
            int blocked = 0;
            for (int i = 0; i < numItems; i++) {
                blocked += used[i] ? 1 : 0;
            }
            int want = Math.min(config.candidates().sampledNegatives(), numItems - blocked);
            int[] cand = java.util.Arrays.copyOf(targets, targets.length + want);
            SplittableRandom rnd = new SplittableRandom(config.candidates().seed() * 0x9E3779B97F4A7C15L
                    + ec.user());
            int k = targets.length;
            while (k < cand.length) {
                int item = rnd.nextInt(numItems);
                if (!used[item]) {
                    used[item] = true;
                    cand[k++] = item;
                }
            }
            for (int x : cand) {
                used[x] = false;
            }
            for (int x : history) {
                used[x] = false;
            }
            return cand;
        }
    }
}
