package dev.seqmind.insight.audience;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.insight.segment.Funnel;
import dev.seqmind.insight.segment.Share;
import dev.seqmind.mining.IntArrayKey;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.rank.TopKSelector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds {@link WelcomeFlows}: counts every user's first {@code steps} steps (items with consecutive repeats
 * collapsed; openings shared by at least two users are listed) and first item, and, given a model, asks it for the top items after an empty history (dense ids of the
 * model are mapped back through its own item map). Immutable.
 *
 * @param steps       length of the openings counted
 * @param show        entries per list
 * @param leadOnSteps steps a user must take to count as having gone on
 */
public record WelcomeFlowFinder(int steps, int show, int leadOnSteps) {
    /** An opening taken by a single user says nothing about new users in general, and is never listed. */
    static final int MIN_OPENING_USERS = 2;

    public static WelcomeFlowFinder defaults() {
        return new WelcomeFlowFinder(3, 10, 5);
    }

    public WelcomeFlows find(SequenceDataset data, Recommender model) {
        int buy = Funnel.steps(data.actions())[2];
        Map<IntArrayKey, Integer> openings = new HashMap<>();
        int[] firstUsers = new int[data.numItems()];
        int[] wentOn = new int[data.numItems()];
        int[] bought = new int[data.numItems()];
        int eligible = 0;
        for (int u = 0; u < data.numUsers(); u++) {
            int[] s = collapsed(data.itemsOf(u));
            if (s.length == 0) {
                continue;
            }
            firstUsers[s[0]]++;
            wentOn[s[0]] += s.length >= leadOnSteps ? 1 : 0;
            if (buy >= 0) {
                for (int i = data.start(u); i < data.end(u); i++) {
                    if (data.action(i) == buy) {
                        bought[s[0]]++;
                        break;
                    }
                }
            }
            if (s.length >= steps) {
                eligible++;
                openings.merge(new IntArrayKey(Arrays.copyOf(s, steps)), 1, Integer::sum);
            }
        }
        List<WelcomeFlows.Opening> open = new ArrayList<>();
        int total = eligible;
        openings.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_OPENING_USERS)
                .sorted(Comparator.comparingInt((Map.Entry<IntArrayKey, Integer> e) -> -e.getValue())
                        .thenComparing(e -> Arrays.toString(e.getKey().items())))
                .limit(show)
                .forEach(e -> {
                    List<String> ids = Arrays.stream(e.getKey().items()).mapToObj(i -> data.items().externalId(i))
                            .toList();
                    open.add(new WelcomeFlows.Opening(ids, ids.stream().map(data.catalog()::label).toList(),
                            e.getValue(), e.getValue() / (double) total));
                });
        Integer[] order = new Integer[data.numItems()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> -firstUsers[i]).thenComparing(i -> i));
        List<WelcomeFlows.FirstItem> first = new ArrayList<>();
        for (int r = 0; r < Math.min(show, order.length) && firstUsers[order[r]] > 0; r++) {
            int i = order[r];
            String id = data.items().externalId(i);
            first.add(new WelcomeFlows.FirstItem(id, data.catalog().label(id), firstUsers[i],
                    wentOn[i] / (double) firstUsers[i], buy < 0 ? Double.NaN : bought[i] / (double) firstUsers[i]));
        }
        List<Share> modelFirst = new ArrayList<>();
        if (model != null) {
            TopKSelector.Result top = model.topK(new int[0], show, new int[0]);
            for (int r = 0; r < top.size(); r++) {
                String id = model.items().externalId(top.items()[r]);
                modelFirst.add(new Share(id, data.catalog().label(id), top.scores()[r], Double.NaN));
            }
        }
        return new WelcomeFlows(steps, open, first, leadOnSteps, model == null ? "" : model.name(), modelFirst);
    }

    private static int[] collapsed(int[] items) {
        int n = 0;
        int[] out = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            if (i == 0 || items[i] != items[i - 1]) {
                out[n++] = items[i];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
