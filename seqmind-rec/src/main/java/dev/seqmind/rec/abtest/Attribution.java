package dev.seqmind.rec.abtest;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credits later events to the recommendation that showed the item. Each user's most recent recommendations (at most
 * {@code perUser}) are kept with the time they were served; an event by the user on an item is credited to the most
 * recent of them, served at most {@code windowMillis} before the event, whose list holds the item. A recommendation
 * is clicked at most once (the first event with a click action) and converts at most once (the first event with a
 * conversion action), so click and conversion rates are shares of recommendations. Times are whatever clock the
 * caller uses (the server's wall clock, a replayed log's timestamps). Thread-safe (per-user locking).
 */
public final class Attribution {
    /** A served recommendation: its id, the variant that served it, its items and when. */
    public record Shown(String recommendationId, int variant, Set<String> items, long at) {
        public Shown {
            items = Set.copyOf(items);
        }
    }

    /** What an event was credited with: the recommendation, its variant, and whether it became a click/conversion. */
    public record Hit(String recommendationId, int variant, boolean click, boolean conversion) {
    }

    private static final class Recent {
        final ArrayDeque<Shown> shown = new ArrayDeque<>();
        final java.util.HashSet<String> clicked = new java.util.HashSet<>();
        final java.util.HashSet<String> converted = new java.util.HashSet<>();
    }

    private final long windowMillis;
    private final Set<String> clickActions;
    private final Set<String> conversionActions;
    private final int perUser;
    private final ConcurrentHashMap<String, Recent> users = new ConcurrentHashMap<>();

    /**
     * @param windowMillis       how long after a recommendation events are credited to it
     * @param clickActions       actions that count as a click (empty: every action)
     * @param conversionActions  actions that count as a conversion
     * @param perUser            recommendations kept per user
     */
    public Attribution(long windowMillis, Collection<String> clickActions, Collection<String> conversionActions,
                       int perUser) {
        if (windowMillis <= 0 || perUser < 1) {
            throw new IllegalArgumentException("window " + windowMillis + " ms, " + perUser + " per user");
        }
        this.windowMillis = windowMillis;
        this.clickActions = Set.copyOf(clickActions);
        this.conversionActions = Set.copyOf(conversionActions);
        this.perUser = perUser;
    }

    /** Records that {@code user} was shown {@code items} by {@code variant} at {@code now}. */
    public void shown(String user, String recommendationId, int variant, Collection<String> items, long now) {
        restore(user, new Shown(recommendationId, variant, Set.copyOf(items), now), false, false);
    }

    /**
     * Puts back a recommendation recorded earlier (read again after a restart, oldest first), with whether it was
     * already clicked and converted, so it is not credited twice.
     */
    public void restore(String user, Shown shown, boolean clicked, boolean converted) {
        Recent r = users.computeIfAbsent(user, u -> new Recent());
        synchronized (r) {
            r.shown.addLast(shown);
            if (clicked) {
                r.clicked.add(shown.recommendationId());
            }
            if (converted) {
                r.converted.add(shown.recommendationId());
            }
            while (r.shown.size() > perUser) {
                Shown gone = r.shown.removeFirst();
                r.clicked.remove(gone.recommendationId());
                r.converted.remove(gone.recommendationId());
            }
        }
    }

    /** Credits {@code user}'s event on {@code item} at {@code now}; empty when it credits nothing new. */
    public Optional<Hit> event(String user, String item, String action, long now) {
        Recent r = users.get(user);
        if (r == null) {
            return Optional.empty();
        }
        synchronized (r) {
            Iterator<Shown> it = r.shown.descendingIterator();
            while (it.hasNext()) {
                Shown s = it.next();
                if (s.at() > now) {
                    continue;
                }
                if (now - s.at() > windowMillis) {
                    break; // older ones are further outside the window
                }
                if (!s.items().contains(item)) {
                    continue;
                }
                boolean click = (clickActions.isEmpty() || clickActions.contains(action))
                        && r.clicked.add(s.recommendationId());
                boolean conversion = conversionActions.contains(action) && r.converted.add(s.recommendationId());
                return click || conversion ? Optional.of(new Hit(s.recommendationId(), s.variant(), click, conversion))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Forgets recommendations served more than the window before {@code now}; returns the users still tracked. */
    public int expire(long now) {
        users.entrySet().removeIf(e -> {
            Recent r = e.getValue();
            synchronized (r) {
                while (!r.shown.isEmpty() && now - r.shown.peekFirst().at() > windowMillis) {
                    Shown gone = r.shown.removeFirst();
                    r.clicked.remove(gone.recommendationId());
                    r.converted.remove(gone.recommendationId());
                }
                return r.shown.isEmpty();
            }
        });
        return users.size();
    }

    /** Forgets {@code user} (erasure). */
    public void forget(String user) {
        users.remove(user);
    }

    /** The user's tracked recommendations, oldest first (for tests and inspection). */
    public List<Shown> recent(String user) {
        Recent r = users.get(user);
        if (r == null) {
            return List.of();
        }
        synchronized (r) {
            return List.copyOf(r.shown);
        }
    }
}
