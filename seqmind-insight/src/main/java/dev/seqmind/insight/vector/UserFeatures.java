package dev.seqmind.insight.vector;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Behaviour features of every user, one row per dense user id, unstandardised:
 * <ul>
 *   <li>{@code action:<name>}: the share of the user's events with that action (only when there are several);</li>
 *   <li>{@code category:<name>}: the share of the user's category weight (see {@link ItemCategories}) in each kept
 *       category, plus {@code category:(other)} when some categories were folded;</li>
 *   <li>frequency: {@code log events}, {@code distinct share} (distinct items / events, low for repeat buyers);</li>
 *   <li>with clock times: {@code log recency days}, {@code log active days}, {@code log sessions},
 *       {@code log events per session}, {@code log session minutes}.</li>
 * </ul>
 * {@code log} is {@code ln(1 + x)}, which keeps heavy users from stretching the scale. Users without events get a
 * row of zeros. Stateless.
 */
public final class UserFeatures {
    private UserFeatures() {
    }

    public static VectorTable of(SequenceDataset data, ItemCategories categories, UserActivity activity) {
        int numActions = data.actions().size();
        boolean actions = numActions > 1;
        boolean cats = categories.available();
        boolean other = cats && hasOther(data, categories);
        List<String> columns = new ArrayList<>();
        if (actions) {
            for (int a = 0; a < numActions; a++) {
                columns.add("action:" + data.actions().externalId(a));
            }
        }
        if (cats) {
            for (String c : categories.names()) {
                columns.add("category:" + c);
            }
            if (other) {
                columns.add("category:(other)");
            }
        }
        columns.add("log events");
        columns.add("distinct share");
        if (activity.timed()) {
            columns.addAll(List.of("log recency days", "log active days", "log sessions", "log events per session",
                    "log session minutes"));
        }
        int d = columns.size();
        double[][] rows = new double[data.numUsers()][d];
        double[] profile = new double[categories.size() + 1];
        for (int u = 0; u < rows.length; u++) {
            int n = data.length(u);
            if (n == 0) {
                continue;
            }
            double[] r = rows[u];
            int c = 0;
            if (actions) {
                for (int i = data.start(u); i < data.end(u); i++) {
                    r[data.action(i)] += 1.0 / n;
                }
                c = numActions;
            }
            if (cats) {
                Arrays.fill(profile, 0);
                for (int i = data.start(u); i < data.end(u); i++) {
                    categories.addTo(data.item(i), profile);
                }
                double total = 0;
                for (double v : profile) {
                    total += v;
                }
                int width = categories.size() + (other ? 1 : 0);
                for (int k = 0; k < width && total > 0; k++) {
                    r[c + k] = profile[k] / total;
                }
                c += width;
            }
            r[c++] = Math.log1p(n);
            r[c++] = activity.distinctItems(u) / (double) n;
            if (activity.timed()) {
                r[c++] = Math.log1p(activity.recencyDays(u));
                r[c++] = Math.log1p(activity.activeDays(u));
                r[c++] = Math.log1p(activity.sessions(u));
                r[c++] = Math.log1p(n / (double) activity.sessions(u));
                r[c] = Math.log1p(activity.sessionMinutes(u));
            }
        }
        return new VectorTable("user behaviour", data.users().externalIds(), columns, rows);
    }

    /**
     * Each user's mean item vector (e.g. of a model's embeddings), over the events whose item {@code items} knows
     * (matched by external id); users with no such event get zeros. A history-level summary that needs no engine.
     */
    public static VectorTable meanOfItems(SequenceDataset data, VectorTable items) {
        IdMap index = IdMap.of(items.ids());
        int[] row = new int[data.numItems()];
        for (int i = 0; i < row.length; i++) {
            row[i] = index.denseId(data.items().externalId(i));
        }
        double[][] rows = new double[data.numUsers()][items.dim()];
        for (int u = 0; u < rows.length; u++) {
            int known = 0;
            for (int i = data.start(u); i < data.end(u); i++) {
                int r = row[data.item(i)];
                if (r >= 0) {
                    known++;
                    double[] v = items.row(r);
                    for (int j = 0; j < v.length; j++) {
                        rows[u][j] += v[j];
                    }
                }
            }
            for (int j = 0; known > 0 && j < items.dim(); j++) {
                rows[u][j] /= known;
            }
        }
        return new VectorTable("user mean of " + items.kind(), data.users().externalIds(), items.columns(), rows);
    }

    private static boolean hasOther(SequenceDataset data, ItemCategories categories) {
        for (int i = 0; i < data.numItems(); i++) {
            for (int k : categories.of(i)) {
                if (k == ItemCategories.OTHER) {
                    return true;
                }
            }
        }
        return false;
    }
}
