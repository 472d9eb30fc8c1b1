package dev.seqmind.mining.rules;

import java.util.Arrays;

/**
 * One worker of the sequential-rule search (RuleGrowth's expansion scheme). A node is a rule {@code X => Y} with the
 * sequences supporting it and, per sequence, the latest first occurrence of an X item ({@code maxFirst}) and the
 * earliest last occurrence of a Y item ({@code minLast}): the rule holds in a sequence iff {@code maxFirst < minLast}.
 * Adding {@code k} to Y keeps a sequence iff {@code last(k) > maxFirst}; adding {@code k} to X iff
 * {@code first(k) < minLast}; both only shrink the support, so infrequent rules are pruned. Every rule is generated
 * once: the root {@code {i} => {}} grows Y freely, Y grows by larger items, X grows by larger items, and after X grows
 * only X grows. Confidence needs the sequences containing X, lift those containing Y; both lists are carried along.
 *
 * <p>Not thread-safe: one instance per worker; the {@link ItemOccurrences} index is shared read-only.
 */
final class RuleGrowthSearch {
    private final ItemOccurrences occ;
    private final RuleEmitter emitter;
    private final long minSupport;
    private final int maxAntecedent;
    private final int maxConsequent;
    private final int[] rightCount;
    private final int[] leftCount;
    private final int[] touchedRight;
    private final int[] touchedLeft;

    RuleGrowthSearch(ItemOccurrences occ, RuleEmitter emitter, long minSupport, RuleParams params) {
        this.occ = occ;
        this.emitter = emitter;
        this.minSupport = minSupport;
        this.maxAntecedent = params.maxAntecedent();
        this.maxConsequent = params.maxConsequent();
        this.rightCount = new int[occ.numItems];
        this.leftCount = new int[occ.numItems];
        this.touchedRight = new int[occ.numItems];
        this.touchedLeft = new int[occ.numItems];
    }

    /** Every rule whose smallest antecedent item is {@code item}. */
    void mineFrom(int item) {
        int[] tids = occ.sequencesOf(item);
        int[] maxFirst = new int[tids.length];
        int[] minLast = new int[tids.length];
        for (int t = 0; t < tids.length; t++) {
            maxFirst[t] = firstOf(tids[t], item);
            minLast[t] = Integer.MAX_VALUE;
        }
        expand(new int[] {item}, new int[0], tids, maxFirst, minLast, tids, null, true);
    }

    private void expand(int[] x, int[] y, int[] tids, int[] maxFirst, int[] minLast, int[] tidsX, int[] tidsY,
                        boolean mayGrowRight) {
        if (emitter.stopped()) {
            return;
        }
        emitter.visitNode();
        boolean right = mayGrowRight && y.length < maxConsequent;
        boolean left = y.length > 0 && x.length < maxAntecedent;
        if (!right && !left) {
            return;
        }
        int maxX = x[x.length - 1];
        int maxY = y.length == 0 ? -1 : y[y.length - 1];
        int nr = 0;
        int nl = 0;
        final int[] seqStart = occ.seqStart;
        final int[] seqItem = occ.seqItem;
        final int[] seqFirst = occ.seqFirst;
        final int[] seqLast = occ.seqLast;
        for (int t = 0; t < tids.length; t++) {
            int s = tids[t];
            int mf = maxFirst[t];
            int ml = minLast[t];
            for (int e = seqStart[s]; e < seqStart[s + 1]; e++) {
                int k = seqItem[e];
                if (right && k > maxY && seqLast[e] > mf && !contains(x, k)) {
                    if (rightCount[k]++ == 0) {
                        touchedRight[nr++] = k;
                    }
                }
                if (left && k > maxX && seqFirst[e] < ml && !contains(y, k)) {
                    if (leftCount[k]++ == 0) {
                        touchedLeft[nl++] = k;
                    }
                }
            }
        }
        int[] rightKids = collect(touchedRight, nr, rightCount);
        int[] leftKids = collect(touchedLeft, nl, leftCount);
        for (int k : rightKids) {
            int[] cTids = new int[countOf(k, tids, maxFirst, minLast, true)];
            int[] cMaxFirst = new int[cTids.length];
            int[] cMinLast = new int[cTids.length];
            fill(k, tids, maxFirst, minLast, true, cTids, cMaxFirst, cMinLast);
            int[] ny = append(y, k);
            int[] nTidsY = tidsY == null ? occ.sequencesOf(k) : occ.intersect(tidsY, k);
            emitter.emit(x, ny, cTids.length, tidsX.length, nTidsY.length);
            expand(x, ny, cTids, cMaxFirst, cMinLast, tidsX, nTidsY, true);
            if (emitter.stopped()) {
                return;
            }
        }
        for (int k : leftKids) {
            int[] cTids = new int[countOf(k, tids, maxFirst, minLast, false)];
            int[] cMaxFirst = new int[cTids.length];
            int[] cMinLast = new int[cTids.length];
            fill(k, tids, maxFirst, minLast, false, cTids, cMaxFirst, cMinLast);
            int[] nx = append(x, k);
            int[] nTidsX = occ.intersect(tidsX, k);
            emitter.emit(nx, y, cTids.length, nTidsX.length, tidsY.length);
            expand(nx, y, cTids, cMaxFirst, cMinLast, nTidsX, tidsY, false);
            if (emitter.stopped()) {
                return;
            }
        }
    }

    /** Frequent candidates (ascending), resetting the counts. */
    private int[] collect(int[] touched, int n, int[] count) {
        int[] out = new int[n];
        int w = 0;
        for (int i = 0; i < n; i++) {
            int k = touched[i];
            if (count[k] >= minSupport) {
                out[w++] = k;
            }
            count[k] = 0;
        }
        out = Arrays.copyOf(out, w);
        Arrays.sort(out);
        return out;
    }

    private int countOf(int k, int[] tids, int[] maxFirst, int[] minLast, boolean right) {
        int c = 0;
        for (int t = 0; t < tids.length; t++) {
            int e = find(tids[t], k);
            if (e >= 0 && (right ? occ.seqLast[e] > maxFirst[t] : occ.seqFirst[e] < minLast[t])) {
                c++;
            }
        }
        return c;
    }

    private void fill(int k, int[] tids, int[] maxFirst, int[] minLast, boolean right, int[] cTids, int[] cMaxFirst,
                      int[] cMinLast) {
        int w = 0;
        for (int t = 0; t < tids.length; t++) {
            int e = find(tids[t], k);
            if (e < 0) {
                continue;
            }
            if (right && occ.seqLast[e] > maxFirst[t]) {
                cTids[w] = tids[t];
                cMaxFirst[w] = maxFirst[t];
                cMinLast[w] = Math.min(minLast[t], occ.seqLast[e]);
                w++;
            } else if (!right && occ.seqFirst[e] < minLast[t]) {
                cTids[w] = tids[t];
                cMaxFirst[w] = Math.max(maxFirst[t], occ.seqFirst[e]);
                cMinLast[w] = minLast[t];
                w++;
            }
        }
    }

    /** Index of item {@code k} in sequence {@code s}'s item list, or -1. */
    private int find(int s, int k) {
        int lo = occ.seqStart[s];
        int hi = occ.seqStart[s + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = occ.seqItem[mid];
            if (v == k) {
                return mid;
            } else if (v < k) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    private int firstOf(int s, int item) {
        return occ.seqFirst[find(s, item)];
    }

    private static boolean contains(int[] a, int k) {
        for (int v : a) {
            if (v == k) {
                return true;
            }
        }
        return false;
    }

    private static int[] append(int[] a, int k) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = k;
        return out;
    }
}
