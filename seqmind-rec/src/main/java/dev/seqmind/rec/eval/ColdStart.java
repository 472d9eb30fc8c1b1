package dev.seqmind.rec.eval;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.split.EvalCase;

import java.util.ArrayList;
import java.util.List;

/**
 * Cold-start and long-history protocols: subsets of a split's test cases on which a model is evaluated again, beside
 * the standard protocol, with the same metrics and full ranking.
 *
 * <ul>
 *   <li><b>cold-item</b>: targets whose item has no event in the data the model was fitted on (it first appears
 *   after the training cut). Each case keeps only its cold targets; cases without one are left out. Id-only models
 *   cannot rank these items above chance; content models can.</li>
 *   <li><b>cold-user</b>: users with at most {@code maxEvents} events in the fitted data, with their targets as in
 *   the standard protocol.</li>
 *   <li><b>long-user</b>: users with more than {@code minEvents} events in the fitted data (histories longer than
 *   a sequence model's window), with their targets as in the standard protocol.</li>
 * </ul>
 *
 * Stateless.
 *
 * @param coldItems      evaluate the cold-item protocol
 * @param coldUserEvents the cold-user threshold (>= 1), or 0 for no cold-user protocol
 * @param longUserEvents the long-user threshold (>= 1: users with more events), or 0 for no long-user protocol
 */
public record ColdStart(boolean coldItems, int coldUserEvents, int longUserEvents) {
    public static final ColdStart NONE = new ColdStart(false, 0, 0);

    public ColdStart {
        if (coldUserEvents < 0) {
            throw new InvalidParameterException("coldUserEvents", coldUserEvents, ">= 0 (0: no cold-user protocol)");
        }
        if (longUserEvents < 0) {
            throw new InvalidParameterException("longUserEvents", longUserEvents, ">= 0 (0: no long-user protocol)");
        }
    }

    /** The cold-start protocols only. */
    public ColdStart(boolean coldItems, int coldUserEvents) {
        this(coldItems, coldUserEvents, 0);
    }

    public boolean any() {
        return coldItems || coldUserEvents > 0 || longUserEvents > 0;
    }

    /**
     * A protocol's cases.
     *
     * @param name        "cold-item", "cold-user" or "long-user"
     * @param description what was kept, for reports
     * @param cases       the selected cases (possibly empty)
     */
    public record Cases(String name, String description, List<EvalCase> cases) {
        public Cases {
            cases = List.copyOf(cases);
        }
    }

    /** The selected protocols' cases from {@code cases}, relative to the data the model was fitted on. */
    public List<Cases> select(List<EvalCase> cases, SequenceDataset fitted) {
        List<Cases> out = new ArrayList<>();
        if (coldItems) {
            out.add(coldItemCases(cases, fitted));
        }
        if (coldUserEvents > 0) {
            out.add(coldUserCases(cases, fitted, coldUserEvents));
        }
        if (longUserEvents > 0) {
            out.add(longUserCases(cases, fitted, longUserEvents));
        }
        return out;
    }

    /** Cases restricted to targets with no event in {@code fitted}; cases left without a target are dropped. */
    public static Cases coldItemCases(List<EvalCase> cases, SequenceDataset fitted) {
        int[] counts = fitted.itemCounts();
        List<EvalCase> kept = new ArrayList<>();
        int targets = 0;
        for (EvalCase c : cases) {
            int[] t = c.targets();
            int n = 0;
            for (int item : t) {
                if (counts[item] == 0) {
                    t[n++] = item;
                }
            }
            if (n > 0) {
                kept.add(new EvalCase(c.user(), c.historyLength(), java.util.Arrays.copyOf(t, n)));
                targets += n;
            }
        }
        int coldItems = 0;
        for (int c : counts) {
            coldItems += c == 0 ? 1 : 0;
        }
        return new Cases("cold-item", kept.size() + " of " + cases.size() + " cases have a target without training "
                + "events (" + targets + " targets; " + coldItems + " of " + counts.length + " items have none)",
                kept);
    }

    /** Cases of users with at most {@code maxEvents} events in {@code fitted}. */
    public static Cases coldUserCases(List<EvalCase> cases, SequenceDataset fitted, int maxEvents) {
        List<EvalCase> kept = new ArrayList<>();
        for (EvalCase c : cases) {
            if (c.user() < fitted.numUsers() && fitted.length(c.user()) <= maxEvents) {
                kept.add(c);
            }
        }
        return new Cases("cold-user", kept.size() + " of " + cases.size() + " users have at most " + maxEvents
                + " training events", kept);
    }

    /** Cases of users with more than {@code minEvents} events in {@code fitted}. */
    public static Cases longUserCases(List<EvalCase> cases, SequenceDataset fitted, int minEvents) {
        List<EvalCase> kept = new ArrayList<>();
        for (EvalCase c : cases) {
            if (c.user() < fitted.numUsers() && fitted.length(c.user()) > minEvents) {
                kept.add(c);
            }
        }
        return new Cases("long-user", kept.size() + " of " + cases.size() + " users have more than " + minEvents
                + " training events", kept);
    }
}
