package dev.seqmind.rec.abtest;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.topk.Explain;
import dev.seqmind.rec.topk.Recommendations;
import dev.seqmind.rec.topk.SeenItems;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Plays the held-out end of a log (every event at or after a time cut) against variants, the way a server running
 * the experiment would see it: events in time order; before each event of a user who has history, the user's variant
 * (by {@link Bucketing}) recommends top-K from the user's last {@code maxLength} items (seen items left out, as the
 * server does by default) and that counts as one exposure; the event itself is then credited by {@link Attribution}
 * to the most recent list, shown within the window, that held its item (a click; a conversion when its action is a
 * conversion action). The mSPRT is looked at after every day of the log. Users without any event before the cut
 * are left out (a server would answer them with its popularity fallback, not a variant's model).
 */
public final class AbReplay {
    /** A variant: its name and the model that serves it. */
    public record Variant(String name, Recommender model) {
    }

    /**
     * @param k                  items per recommendation
     * @param excludeSeen        leave the history's items out of the lists
     * @param maxLength          most recent items a recommendation sees (the server's {@code --max-len})
     * @param windowMillis       attribution window
     * @param clickActions       actions that count as a click (empty: every action)
     * @param conversionActions  actions that count as a conversion
     * @param salt               the bucketing key
     * @param shares             traffic shares, in variant order
     * @param analysis           the test
     */
    public record Config(int k, boolean excludeSeen, int maxLength, long windowMillis, Set<String> clickActions,
                         Set<String> conversionActions, byte[] salt, double[] shares, AbAnalysis analysis) {
    }

    /** The counts after one day of the log and the look taken then. */
    public record Day(int day, long[] exposures, long[] clicks, long[] conversions, double pValue, String decision) {
    }

    /**
     * @param days           one entry per day of held-out traffic
     * @param result         the final look
     * @param decisionDay    the first day (1-based) the test was significant, or 0
     * @param users          users exposed, per variant
     * @param heldOutEvents  events replayed
     */
    public record Result(List<Day> days, AbAnalysis.Result result, int decisionDay, long[] users,
                         long heldOutEvents) {
    }

    private static final long DAY = 24L * 3600 * 1000;

    /** The time at quantile {@code q} of all event times (the cut: events at or after it are held out). */
    public static long cut(SequenceDataset ds, double q) {
        requireClock(ds);
        long[] t = new long[ds.numInteractions()];
        for (int i = 0; i < t.length; i++) {
            t[i] = ds.time(i);
        }
        Arrays.sort(t);
        return t[(int) Math.min(t.length - 1, Math.floor(q * t.length))];
    }

    /** The events before {@code cut} (what models are fitted on), with the full dataset's id maps. */
    public static SequenceDataset before(SequenceDataset ds, long cut) {
        int[] keep = new int[ds.numUsers()];
        for (int u = 0; u < keep.length; u++) {
            int s = ds.start(u);
            int e = ds.end(u);
            int i = s;
            while (i < e && ds.time(i) < cut) {
                i++;
            }
            keep[u] = i - s;
        }
        return ds.prefixes(keep);
    }

    /** The held-out events (indexes into {@code ds}) of users with history before the cut, in time order. */
    public static int[] heldOut(SequenceDataset ds, long cut) {
        List<int[]> ev = new ArrayList<>();
        for (int u = 0; u < ds.numUsers(); u++) {
            int s = ds.start(u);
            for (int i = s + 1; i < ds.end(u); i++) { // the first event of a user is never held out: no history
                if (ds.time(i) >= cut && ds.time(s) < cut) {
                    ev.add(new int[] {i, u});
                }
            }
        }
        return ev.stream().sorted((a, b) -> {
            int c = Long.compare(ds.time(a[0]), ds.time(b[0]));
            return c != 0 ? c : Integer.compare(a[0], b[0]);
        }).mapToInt(a -> a[0]).toArray();
    }

    /** Replays {@code ds}'s events at or after {@code cut} against {@code variants}. */
    public Result run(SequenceDataset ds, long cut, List<Variant> variants, Config cfg) {
        requireClock(ds);
        int n = variants.size();
        Bucketing bucketing = new Bucketing(cfg.salt(), cfg.shares());
        if (cfg.shares().length != n) {
            throw new IllegalArgumentException(cfg.shares().length + " shares for " + n + " variants");
        }
        Attribution attribution = new Attribution(cfg.windowMillis(), cfg.clickActions(), cfg.conversionActions(),
                32);
        Recommendations[] recs = new Recommendations[n];
        int[][] toModel = new int[n][];
        for (int v = 0; v < n; v++) {
            recs[v] = new Recommendations(variants.get(v).model());
            toModel[v] = map(ds.items(), variants.get(v).model().items());
        }
        int[] userOf = new int[ds.numInteractions()];
        for (int u = 0; u < ds.numUsers(); u++) {
            Arrays.fill(userOf, ds.start(u), ds.end(u), u);
        }
        int[] events = heldOut(ds, cut);
        long[] exposures = new long[n];
        long[] clicks = new long[n];
        long[] conversions = new long[n];
        boolean[][] exposed = new boolean[n][ds.numUsers()];
        List<Day> days = new ArrayList<>();
        double[] p = null;
        int decisionDay = 0;
        int day = 0;
        long seq = 0;
        for (int idx = 0; idx < events.length; idx++) {
            int d = (int) ((ds.time(events[idx]) - cut) / DAY);
            while (day < d) { // the end of a day: look
                p = look(cfg, variants, exposures, clicks, conversions, p, days, day);
                decisionDay = decided(days, decisionDay);
                day++;
            }
            int i = events[idx];
            int u = userOf[i];
            String user = ds.users().externalId(u);
            int v = bucketing.variant(user);
            int from = Math.max(ds.start(u), i - cfg.maxLength());
            int[] h = new int[i - from];
            int m = 0;
            for (int j = from; j < i; j++) {
                int x = toModel[v][ds.item(j)];
                if (x >= 0) {
                    h[m++] = x;
                }
            }
            h = Arrays.copyOf(h, m);
            List<String> shown = new ArrayList<>(cfg.k());
            if (m > 0) {
                Recommendations.DenseResult r = recs[v].top(new Recommendations.Query(h, cfg.k(),
                        cfg.excludeSeen() ? SeenItems.EXCLUDE : SeenItems.KEEP, new int[0], null, Explain.NONE));
                IdMap items = variants.get(v).model().items();
                for (int j = 0; j < r.size(); j++) {
                    shown.add(items.externalId(r.items()[j]));
                }
            }
            long t = ds.time(i);
            exposures[v]++;
            exposed[v][u] = true;
            attribution.shown(user, Long.toString(seq++), v, shown, t);
            String action = ds.actions().externalId(ds.action(i));
            var hit = attribution.event(user, ds.items().externalId(ds.item(i)), action, t);
            if (hit.isPresent()) {
                clicks[hit.get().variant()] += hit.get().click() ? 1 : 0;
                conversions[hit.get().variant()] += hit.get().conversion() ? 1 : 0;
            }
        }
        p = look(cfg, variants, exposures, clicks, conversions, p, days, day);
        decisionDay = decided(days, decisionDay);
        long[] users = new long[n];
        for (int v = 0; v < n; v++) {
            for (boolean b : exposed[v]) {
                users[v] += b ? 1 : 0;
            }
        }
        Day last = days.get(days.size() - 1);
        AbAnalysis.Result fin = cfg.analysis().analyze(arms(variants, last.exposures(), last.clicks(),
                last.conversions()), p);
        return new Result(List.copyOf(days), fin, decisionDay, users, events.length);
    }

    private static double[] look(Config cfg, List<Variant> variants, long[] e, long[] c, long[] v, double[] p,
                                 List<Day> days, int day) {
        AbAnalysis.Result r = cfg.analysis().analyze(arms(variants, e, c, v), p);
        days.add(new Day(day + 1, e.clone(), c.clone(), v.clone(), r.verdict().pValue(), r.verdict().decision()));
        return r.pValues();
    }

    private static int decided(List<Day> days, int decisionDay) {
        Day last = days.get(days.size() - 1);
        return decisionDay == 0 && last.decision().equals(AbAnalysis.SIGNIFICANT) ? last.day() : decisionDay;
    }

    private static List<AbAnalysis.Arm> arms(List<Variant> variants, long[] e, long[] c, long[] v) {
        List<AbAnalysis.Arm> arms = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            arms.add(new AbAnalysis.Arm(variants.get(i).name(), e[i], c[i], v[i]));
        }
        return arms;
    }

    private static int[] map(IdMap data, IdMap model) {
        int[] out = new int[data.size()];
        for (int i = 0; i < out.length; i++) {
            int d = model.denseId(data.externalId(i));
            out[i] = d == IdMap.ABSENT ? -1 : d;
        }
        return out;
    }

    private static void requireClock(SequenceDataset ds) {
        if (ds.info().timeKind() != TimeKind.EPOCH_MILLIS) {
            throw new IllegalArgumentException("dataset '" + ds.info().name() + "' has no clock (ordinal times); "
                    + "a replay needs real timestamps to cut the log and count days");
        }
    }
}
