package dev.seqmind.rec.model.knn;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.model.BaseScoreRecommender;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores {@code 2 + sum over recent history items h (age 0 = last) of historyDecay^age * sim(h, item)} for items
 * that are neighbours of a recent history item, and training popularity ({@code [0, 1)}) for the rest, so neighbours
 * always rank first and popularity orders what is left. Immutable and thread-safe.
 */
public final class ItemKnnRecommender extends BaseScoreRecommender {
    private final NeighbourTable table;
    private final int historyItems;
    private final float historyDecay;

    ItemKnnRecommender(String name, IdMap items, NeighbourTable table, float[] popularity, int historyItems,
                       float historyDecay) {
        super(name, items, popularity);
        this.table = table;
        this.historyItems = historyItems;
        this.historyDecay = historyDecay;
    }

    NeighbourTable table() {
        return table;
    }

    float[] popularity() {
        return baseScores();
    }

    int historyItems() {
        return historyItems;
    }

    float historyDecay() {
        return historyDecay;
    }

    @Override
    public void score(int[] history, float[] out) {
        fillBaseScores(out);
        final int[] start = table.start();
        final int[] ids = table.ids();
        final float[] sims = table.sims();
        float w = 1f;
        for (int age = 0, pos = history.length - 1; age < historyItems && pos >= 0; age++, pos--, w *= historyDecay) {
            int h = history[pos];
            for (int i = start[h]; i < start[h + 1]; i++) {
                int b = ids[i];
                float cur = out[b];
                out[b] = (cur < 2f ? 2f : cur) + w * sims[i];
            }
        }
    }

    @Override
    public Explanation explain(int[] history, int item) {
        List<Integer> evidence = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        double best = 0;
        for (int age = 0, pos = history.length - 1; age < historyItems && pos >= 0; age++, pos--) {
            int h = history[pos];
            for (int i = table.start()[h]; i < table.start()[h + 1]; i++) {
                if (table.ids()[i] == item) {
                    evidence.add(h);
                    best = Math.max(best, table.sims()[i]);
                    text.append(text.isEmpty() ? "co-occurs with " : ", ")
                            .append(String.format(Locale.ROOT, "%s (similarity %.3f)", items().externalId(h),
                                    table.sims()[i]));
                }
            }
        }
        if (evidence.isEmpty()) {
            return new Explanation("popularity", "popular in training (no neighbour of the recent history)",
                    List.of(), Double.NaN);
        }
        return new Explanation("co-occurrence", text.toString(), evidence, Math.min(1.0, best));
    }
}
