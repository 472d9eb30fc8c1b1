package dev.seqmind.data.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates one user at a time into reusable buffers: sessions separated by inactivity gaps of hours to weeks,
 * item views seconds to minutes apart, a pv/fav/cart/buy funnel (a buy follows the cart of the same item later in
 * the session, or rarely a view directly), and the planted chains chosen for the user. Each user's randomness comes
 * from a seed derived from the user number alone, so a user's events do not depend on the users before it.
 *
 * <p>Times are epoch seconds, strictly increasing within a user, so the written order is the only possible time
 * order. Exactly the requested number of events is produced; planted chains are always completed (they get
 * priority over funnel events when the budget runs short). Not thread-safe: one simulator per thread.
 */
final class UserSimulator {
    static final byte PV = 0;
    static final byte FAV = 1;
    static final byte CART = 2;
    static final byte BUY = 3;
    /** Action names by action number. */
    static final String[] ACTIONS = {"pv", "fav", "cart", "buy"};

    private static final double P_FAVOURITE_LEAF = 0.7;
    private static final double P_SESSION_LEAF = 0.8;
    /** With planted segments: the share of non-favourite sessions spent in the segment's own departments. */
    private static final double P_SEGMENT_LEAF = 0.7;
    private static final double P_FAV = 0.04;
    private static final double P_CART = 0.10;
    private static final double P_BUY_AFTER_CART = 0.55;
    private static final double P_DIRECT_BUY = 0.01;
    private static final double P_FLUSH_BUY = 0.4;
    private static final double LOG_STEP_SECONDS = Math.log(30);
    private static final double SESSION_GAP_SIGMA = 1.2;
    private static final double MIN_SESSION_GAP_SECONDS = 1_800;
    private static final double MAX_SESSION_GAP_SECONDS = 60 * 86_400;
    /** Expected events per item view: the view plus its share of fav, cart, direct buy and later buy. */
    private static final double EVENTS_PER_VIEW = 1 + P_FAV + P_CART + P_DIRECT_BUY + P_CART * P_BUY_AFTER_CART;

    private final GeneratorConfig config;
    private final ItemUniverse items;
    private final PlantedPattern[] patterns;
    private final AliasSampler leaves;
    /** Per planted segment, its departments' leaves by weight; empty without segments. */
    private final AliasSampler[] segmentLeaves;
    private double cartRate = P_CART;
    private final long startSeconds;
    private final long spreadSeconds;

    private int[] evItem = new int[64];
    private byte[] evAction = new byte[64];
    private long[] evTime = new long[64];
    private int size;

    private int[] forcedItem = new int[16];
    private int[] forcedAt = new int[16];
    private int[] forcedStep = new int[16];
    private int forcedCount;
    private int forcedHead;
    private int openChains;
    private int[] injected = new int[4];
    private int injectedCount;
    private int[] pendingBuys = new int[16];
    private int pendingCount;
    private long time;

    UserSimulator(GeneratorConfig config, ItemUniverse items, PlantedPattern[] patterns) {
        this.config = config;
        this.items = items;
        this.patterns = patterns;
        double[] lw = new double[items.leafCount()];
        for (int c = 0; c < lw.length; c++) {
            lw[c] = items.leafWeight(c);
        }
        this.leaves = new AliasSampler(lw);
        this.segmentLeaves = segmentSamplers(config.segments(), items, lw);
        this.startSeconds = config.start().getEpochSecond();
        this.spreadSeconds = config.startSpreadDays() * 86_400L;
    }

    /** Generates user {@code user}'s {@code length} events, replacing the previous user's. */
    void simulate(int user, int length) {
        SplittableRandom rnd = new SplittableRandom(Seeds.mix(config.seed() ^ Seeds.USERS, user));
        if (evItem.length < length) {
            int cap = Math.max(length, evItem.length * 2);
            evItem = new int[cap];
            evAction = new byte[cap];
            evTime = new long[cap];
        }
        size = 0;
        scheduleChains(length, rnd);
        int segment = config.segments() == 0 ? -1 : segmentOf(config, user);
        AliasSampler home = segment < 0 ? leaves : segmentLeaves[segment];
        cartRate = segment < 0 ? P_CART : P_CART * cartFactor(segment, config.segments());
        int fav1 = home.sample(rnd);
        int fav2 = home.sample(rnd);
        time = startSeconds + (spreadSeconds == 0 ? 0 : rnd.nextLong(spreadSeconds));
        pendingCount = 0;
        openChains = 0;
        double logGap = logSessionGap(length);
        while (size < length) {
            if (size > 0) {
                time += (long) (MIN_SESSION_GAP_SECONDS + Math.min(MAX_SESSION_GAP_SECONDS,
                        Math.exp(logGap + SESSION_GAP_SIGMA * rnd.nextGaussian())));
            }
            int leaf = rnd.nextDouble() < P_FAVOURITE_LEAF ? (rnd.nextBoolean() ? fav1 : fav2)
                    : segment < 0 ? leaves.sample(rnd)
                    : (rnd.nextDouble() < P_SEGMENT_LEAF ? home : leaves).sample(rnd);
            int views = 1 + geometric(config.meanSessionViews() - 1, rnd);
            boolean first = true;
            while ((views > 0 || openChains > 0) && size < length) {
                if (!first) {
                    time += step(rnd);
                }
                first = false;
                views--;
                view(leaf, length, rnd);
            }
            while (pendingCount > 0 && spare(length) > 0) {
                time += step(rnd);
                emit(pendingBuys[--pendingCount], BUY);
            }
            pendingCount = 0; // carts left in the basket
        }
    }

    private void view(int leaf, int length, SplittableRandom rnd) {
        int item;
        if (forcedHead < forcedCount && (forcedAt[forcedHead] <= size || spare(length) <= 0)) {
            item = forcedItem[forcedHead];
            int stepInChain = forcedStep[forcedHead++];
            if (stepInChain == 0) {
                openChains++;
            }
            if (stepInChain == config.patternLength() - 1) {
                openChains--;
            }
        } else {
            item = rnd.nextDouble() < P_SESSION_LEAF ? items.sampleInLeaf(leaf, rnd) : items.sampleGlobal(rnd);
        }
        emit(item, PV);
        if (spare(length) > 0 && pendingCount > 0 && rnd.nextDouble() < P_FLUSH_BUY) {
            time += step(rnd);
            emit(pendingBuys[--pendingCount], BUY);
        }
        double r = rnd.nextDouble();
        if (spare(length) > 0 && r < P_FAV) {
            time += 1 + rnd.nextInt(20);
            emit(item, FAV);
        } else if (spare(length) > 0 && r < P_FAV + cartRate) {
            time += 2 + rnd.nextInt(30);
            emit(item, CART);
            if (rnd.nextDouble() < P_BUY_AFTER_CART) {
                if (pendingCount == pendingBuys.length) {
                    pendingBuys = Arrays.copyOf(pendingBuys, pendingCount * 2);
                }
                pendingBuys[pendingCount++] = item;
            }
        } else if (spare(length) > 0 && r < P_FAV + cartRate + P_DIRECT_BUY) {
            time += 5 + rnd.nextInt(60);
            emit(item, BUY);
        }
    }

    /**
     * The planted segment of user {@code user} (0-based): a hash of the seed and the user number, so membership is
     * known without simulating anyone.
     */
    static int segmentOf(GeneratorConfig config, int user) {
        return (int) Math.floorMod(Seeds.mix(config.seed() ^ Seeds.SEGMENTS, user), (long) config.segments());
    }

    /** Segment {@code s}'s cart rate relative to the default: from 0.5x for the first to 2x for the last. */
    static double cartFactor(int s, int segments) {
        return segments == 1 ? 1.0 : 0.5 + 1.5 * s / (segments - 1);
    }

    /**
     * Segment {@code s} browses department number {@code s} (in catalogue order); a segment whose department carries
     * no weight browses the whole catalogue.
     */
    private static AliasSampler[] segmentSamplers(int segments, ItemUniverse items, double[] leafWeights) {
        AliasSampler[] out = new AliasSampler[segments];
        List<String> departments = new ArrayList<>();
        for (int c = 0; c < items.leafCount(); c++) {
            if (!departments.contains(items.department(c))) {
                departments.add(items.department(c));
            }
        }
        for (int s = 0; s < segments; s++) {
            double[] w = new double[leafWeights.length];
            double total = 0;
            for (int c = 0; c < w.length; c++) {
                if (departments.indexOf(items.department(c)) == s) {
                    w[c] = leafWeights[c];
                    total += w[c];
                }
            }
            out[s] = new AliasSampler(total > 0 ? w : leafWeights);
        }
        return out;
    }

    /**
     * The log-normal location of the gaps between this user's sessions, chosen so that their expected sum spreads
     * the user's expected number of sessions over about {@code activityDays}: busy users come back more often.
     */
    private double logSessionGap(int length) {
        double sessions = Math.max(1, length / (config.meanSessionViews() * EVENTS_PER_VIEW));
        double meanGap = config.activityDays() * 86_400.0 / Math.max(1, sessions - 1) - MIN_SESSION_GAP_SECONDS;
        double meanExtra = Math.max(600, meanGap);
        return Math.log(meanExtra) - SESSION_GAP_SIGMA * SESSION_GAP_SIGMA / 2;
    }

    /** Events still free after the chain items that must yet be placed. */
    private int spare(int length) {
        return length - size - (forcedCount - forcedHead);
    }

    private void emit(int item, byte action) {
        evItem[size] = item;
        evAction[size] = action;
        evTime[size] = time;
        size++;
        time++; // keeps times strictly increasing even when the next gap rounds to zero
    }

    private static long step(SplittableRandom rnd) {
        return Math.min(1_800, (long) Math.exp(LOG_STEP_SECONDS + rnd.nextGaussian()));
    }

    private static int geometric(double mean, SplittableRandom rnd) {
        if (mean <= 0) {
            return 0;
        }
        double p = 1 / (mean + 1);
        return (int) Math.min(100_000, Math.floor(Math.log(1 - rnd.nextDouble()) / Math.log(1 - p)));
    }

    /** Decides which chains this user gets and at which event positions their items are due. */
    private void scheduleChains(int length, SplittableRandom rnd) {
        forcedCount = 0;
        forcedHead = 0;
        injectedCount = 0;
        int len = config.patternLength();
        for (PlantedPattern p : patterns) {
            boolean chosen = rnd.nextDouble() < p.targetFraction();
            if (!chosen || forcedCount + len > length) {
                continue;
            }
            if (injectedCount == injected.length) {
                injected = Arrays.copyOf(injected, injectedCount * 2);
            }
            injected[injectedCount++] = p.id();
            int at = rnd.nextInt(Math.max(1, length - 3 * len));
            for (int k = 0; k < len; k++) {
                if (forcedCount == forcedItem.length) {
                    forcedItem = Arrays.copyOf(forcedItem, forcedCount * 2);
                    forcedAt = Arrays.copyOf(forcedAt, forcedCount * 2);
                    forcedStep = Arrays.copyOf(forcedStep, forcedCount * 2);
                }
                forcedItem[forcedCount] = p.items()[k];
                forcedAt[forcedCount] = at;
                forcedStep[forcedCount] = k;
                forcedCount++;
                at += 1 + rnd.nextInt(3);
            }
        }
        sortForcedByPosition();
    }

    /** Stable insertion sort by due position: each chain's items keep their order. */
    private void sortForcedByPosition() {
        for (int i = 1; i < forcedCount; i++) {
            int item = forcedItem[i];
            int at = forcedAt[i];
            int stp = forcedStep[i];
            int j = i - 1;
            while (j >= 0 && forcedAt[j] > at) {
                forcedItem[j + 1] = forcedItem[j];
                forcedAt[j + 1] = forcedAt[j];
                forcedStep[j + 1] = forcedStep[j];
                j--;
            }
            forcedItem[j + 1] = item;
            forcedAt[j + 1] = at;
            forcedStep[j + 1] = stp;
        }
    }

    int size() {
        return size;
    }

    int item(int i) {
        return evItem[i];
    }

    byte action(int i) {
        return evAction[i];
    }

    long time(int i) {
        return evTime[i];
    }

    /** The current user's item buffer (valid up to {@link #size()}; reused for the next user). */
    int[] itemBuffer() {
        return evItem;
    }

    /** How many chains were planted into the current user. */
    int injectedCount() {
        return injectedCount;
    }

    /** The id of the {@code k}-th chain planted into the current user. */
    int injected(int k) {
        return injected[k];
    }
}
