package dev.seqmind.insight.segment;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The action funnel view -> cart -> buy over a group of users: how many did each step, and what share of the
 * previous step's users went on to it. Actions are recognised by name ({@link #VIEW}, {@link #CART}, {@link #BUY},
 * case-insensitive); a step whose action the data lacks is left out, and a dataset with fewer than two of them has
 * no funnel (empty {@code stages}).
 *
 * @param stages the steps present, in funnel order
 */
public record Funnel(List<Stage> stages) {
    /** Action names read as a view. */
    public static final Set<String> VIEW = Set.of("pv", "view", "click", "page_view", "detail", "impression");
    /** Action names read as putting in the cart. */
    public static final Set<String> CART = Set.of("cart", "addtocart", "add_to_cart", "add-to-cart", "basket");
    /** Action names read as a purchase. */
    public static final Set<String> BUY = Set.of("buy", "purchase", "order", "transaction", "checkout");

    public Funnel {
        stages = List.copyOf(stages);
    }

    /**
     * One step.
     *
     * @param name   view, cart or buy
     * @param action the dataset's action name
     * @param users  users who did this step and every step before it
     * @param rate   {@code users} over the previous step's users (1 for the first step; NaN when that was 0)
     */
    public record Stage(String name, String action, int users, double rate) {
    }

    /** The dataset's action ids of view, cart and buy, -1 where absent. */
    public static int[] steps(IdMap actions) {
        int[] out = {-1, -1, -1};
        for (int a = 0; a < actions.size(); a++) {
            String n = actions.externalId(a).toLowerCase(Locale.ROOT);
            if (VIEW.contains(n) && out[0] < 0) {
                out[0] = a;
            } else if (CART.contains(n) && out[1] < 0) {
                out[1] = a;
            } else if (BUY.contains(n) && out[2] < 0) {
                out[2] = a;
            }
        }
        return out;
    }

    /** The funnel of {@code users} (dense ids; {@code null} for everyone). */
    public static Funnel of(SequenceDataset data, int[] users) {
        int[] steps = steps(data.actions());
        String[] names = {"view", "cart", "buy"};
        List<Integer> present = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            if (steps[s] >= 0) {
                present.add(s);
            }
        }
        if (present.size() < 2) {
            return new Funnel(List.of());
        }
        int[] reached = new int[present.size()];
        int n = users == null ? data.numUsers() : users.length;
        for (int k = 0; k < n; k++) {
            int u = users == null ? k : users[k];
            int mask = 0;
            for (int i = data.start(u); i < data.end(u); i++) {
                int a = data.action(i);
                for (int p = 0; p < present.size(); p++) {
                    if (a == steps[present.get(p)]) {
                        mask |= 1 << p;
                    }
                }
            }
            for (int p = 0; p < present.size() && (mask & (1 << p)) != 0; p++) {
                reached[p]++;
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (int p = 0; p < present.size(); p++) {
            double rate = p == 0 ? 1 : reached[p - 1] == 0 ? Double.NaN : reached[p] / (double) reached[p - 1];
            stages.add(new Stage(names[present.get(p)], data.actions().externalId(steps[present.get(p)]),
                    reached[p], rate));
        }
        return new Funnel(stages);
    }
}
