package dev.seqmind.rec.model.knn;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.model.ActionWeights;
import dev.seqmind.rec.rank.TopKSelector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds the {@link NeighbourTable}: an inverted index from item to its event positions, then, per item (in parallel
 * over {@code context.threads()} workers, each with its own dense accumulator), the decayed co-occurrence with items
 * within the window, cosine-normalised, of which the top {@code neighbours} are kept. Each pair counts the product of
 * its two events' action weights, and the norms are the items' weighted counts (all 1 without weights). Memory: O(events) plus one
 * {@code float[numItems]} per worker.
 */
final class CooccurrenceCounter {
    private final ItemKnnTrainer p;

    CooccurrenceCounter(ItemKnnTrainer params) {
        this.p = params;
    }

    NeighbourTable count(SequenceDataset train, FitContext context) {
        int numItems = train.numItems();
        int n = train.numInteractions();
        int[] counts = train.itemCounts();
        ActionWeights weights = ActionWeights.of(train);
        float[] norms = weights.itemTotals(train);
        int[] occStart = new int[numItems + 1];
        for (int i = 0; i < numItems; i++) {
            occStart[i + 1] = occStart[i] + counts[i];
        }
        int[] occ = new int[n]; // event index of each occurrence, grouped by item
        int[] userOf = new int[n];
        int[] cursor = occStart.clone();
        for (int u = 0; u < train.numUsers(); u++) {
            for (int e = train.start(u); e < train.end(u); e++) {
                occ[cursor[train.item(e)]++] = e;
                userOf[e] = u;
            }
        }
        float[] decay = new float[p.window() + 1];
        for (int d = 1; d <= p.window(); d++) {
            decay[d] = (float) Math.pow(p.distanceDecay(), d - 1);
        }
        int[][] nbrIds = new int[numItems][];
        float[][] nbrSims = new float[numItems][];
        int threads = Math.max(1, context.threads());
        try (var task = context.progress().start("item-knn neighbours", numItems, "items");
             ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                final int worker = w;
                futures.add(pool.submit(() -> {
                    float[] acc = new float[numItems];
                    int[] touched = new int[numItems];
                    NeighbourSelector sel = new NeighbourSelector(p, norms);
                    for (int a = worker; a < numItems; a += threads) {
                        int t = 0;
                        for (int o = occStart[a]; o < occStart[a + 1]; o++) {
                            int e = occ[o];
                            int u = userOf[e];
                            float we = weights.of(train, e);
                            int lo = train.start(u);
                            int hi = train.end(u);
                            for (int d = 1; d <= p.window(); d++) {
                                if (e + d < hi) {
                                    t = add(acc, touched, t, train.item(e + d), a,
                                            decay[d] * we * weights.of(train, e + d));
                                }
                                if (p.direction() == Direction.BOTH && e - d >= lo) {
                                    t = add(acc, touched, t, train.item(e - d), a,
                                            decay[d] * we * weights.of(train, e - d));
                                }
                            }
                        }
                        TopKSelector.Result top = sel.normaliseAndSelect(a, acc, touched, t);
                        nbrIds[a] = top.items();
                        nbrSims[a] = top.scores();
                        task.advance(1);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("item-knn fit interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("item-knn fit failed", e.getCause());
        }
        int[] start = new int[numItems + 1];
        for (int i = 0; i < numItems; i++) {
            start[i + 1] = start[i] + nbrIds[i].length;
        }
        int[] ids = new int[start[numItems]];
        float[] sims = new float[ids.length];
        for (int i = 0; i < numItems; i++) {
            System.arraycopy(nbrIds[i], 0, ids, start[i], nbrIds[i].length);
            System.arraycopy(nbrSims[i], 0, sims, start[i], nbrSims[i].length);
        }
        return new NeighbourTable(start, ids, sims);
    }

    private static int add(float[] acc, int[] touched, int t, int b, int a, float w) {
        if (b == a) {
            return t; // a repeat of the item itself is not a neighbour
        }
        if (acc[b] == 0f) {
            touched[t++] = b;
        }
        acc[b] += w;
        return t;
    }
}
