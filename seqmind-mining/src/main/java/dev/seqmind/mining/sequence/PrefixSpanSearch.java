package dev.seqmind.mining.sequence;

import dev.seqmind.mining.PatternSink;

import java.util.Arrays;

/**
 * One worker of the PrefixSpan search without gap or window constraints: depth-first pattern growth over
 * pseudo-projected databases. The projection of a prefix is one entry per supporting sequence: the sequence and the
 * element where the earliest match of the prefix ends. From there,
 * <ul>
 *   <li>sequence extensions are the items of later itemsets;</li>
 *   <li>itemset extensions are the items after the end element inside its itemset, plus the items of any later
 *       itemset that contains the whole last itemset of the prefix (found with a merge, since ranks ascend within an
 *       itemset) and rank above its last item.</li>
 * </ul>
 * Each node makes two passes over its projection: one counts the support of every extension (a stamp per item keeps a
 * sequence from counting twice), the second writes the projections of all frequent extensions at once into an arena
 * owned by the child depth, so steady-state search allocates nothing.
 *
 * <p>Not thread-safe: each worker thread owns one instance; the {@link RankedDatabase} is shared read-only.
 */
final class PrefixSpanSearch {
    private final SearchContext ctx;
    private final int[] codes;
    private final int[] starts;
    private final boolean singletons;
    private final int maxLength;

    private final int[] sCount;
    private final int[] iCount;
    private final int[] sStamp;
    private final int[] iStamp;
    private final int[] sChild;
    private final int[] iChild;
    private final int[] touchedS;
    private final int[] touchedI;
    private int stamp;

    /** Per depth: projection arena (sequence, end element) and child table (rank, kind, from, to). */
    private int[][] arenaSeq = new int[8][];
    private int[][] arenaPos = new int[8][];
    private int[][] children = new int[8][];

    private int[] pattern = new int[64];
    private int patternLength;

    PrefixSpanSearch(SearchContext ctx) {
        this.ctx = ctx;
        RankedDatabase db = ctx.db();
        this.codes = db.codes;
        this.starts = db.starts;
        this.singletons = db.singletonItemsets;
        this.maxLength = ctx.constraints().maxLength();
        int f = db.numRanks();
        sCount = new int[f];
        iCount = new int[f];
        sStamp = new int[f];
        iStamp = new int[f];
        sChild = new int[f];
        iChild = new int[f];
        Arrays.fill(sChild, -1);
        Arrays.fill(iChild, -1);
        touchedS = new int[f];
        touchedI = new int[f];
    }

    /**
     * Mines everything that starts with the single item {@code rank}, given its projection
     * {@code seqs/ends[from, to)}. Emits the item itself first.
     */
    void mineFrom(int rank, int[] seqs, int[] ends, int from, int to) {
        patternLength = 0;
        pattern[patternLength++] = rank;
        ctx.emit(pattern, patternLength, 1, to - from);
        if (maxLength > 1) {
            expand(0, 1, seqs, ends, from, to);
        }
    }

    private void expand(int depth, int itemCount, int[] seqs, int[] ends, int from, int to) {
        if (ctx.stopped()) {
            return;
        }
        ctx.visitNode();
        int lastSetStart = patternLength - 1;
        while (lastSetStart > 0 && pattern[lastSetStart - 1] != PatternSink.ITEMSET_END) {
            lastSetStart--;
        }
        int numTouchedS = 0;
        int numTouchedI = 0;
        final int[] codes = this.codes;
        final int[] starts = this.starts;
        final int[] sCount = this.sCount;
        final int[] iCount = this.iCount;
        final int[] sStamp = this.sStamp;
        final int[] iStamp = this.iStamp;
        final int[] pattern = this.pattern;
        final int lastLen = patternLength - lastSetStart;
        final int lastItem = pattern[patternLength - 1];
        for (int e = from; e < to; e++) {
            int st = nextStamp();
            int seq = seqs[e];
            int end = starts[seq + 1];
            int j = ends[e] + 1;
            while (j < end && codes[j] >= 0) {
                int x = codes[j++];
                if (iStamp[x] != st) {
                    iStamp[x] = st;
                    if (iCount[x]++ == 0) {
                        touchedI[numTouchedI++] = x;
                    }
                }
            }
            if (singletons) {
                for (; j < end; j++) {
                    int x = codes[j] & RankedDatabase.RANK_MASK;
                    if (sStamp[x] != st) {
                        sStamp[x] = st;
                        if (sCount[x]++ == 0) {
                            touchedS[numTouchedS++] = x;
                        }
                    }
                }
            } else {
                int m = 0;
                for (; j < end; j++) {
                    int c = codes[j];
                    if (c < 0) {
                        m = 0;
                    }
                    int x = c & RankedDatabase.RANK_MASK;
                    if (sStamp[x] != st) {
                        sStamp[x] = st;
                        if (sCount[x]++ == 0) {
                            touchedS[numTouchedS++] = x;
                        }
                    }
                    if (m == lastLen) {
                        if (iStamp[x] != st) {
                            iStamp[x] = st;
                            if (iCount[x]++ == 0) {
                                touchedI[numTouchedI++] = x;
                            }
                        }
                    } else if (x == pattern[lastSetStart + m]) {
                        m++;
                    }
                }
            }
        }
        long threshold = ctx.threshold();
        int next = depth + 1;
        ensureDepth(next);
        int[] kids = children[depth];
        int numKids = 0;
        int total = 0;
        for (int t = 0; t < numTouchedI; t++) {
            int x = touchedI[t];
            int c = iCount[x];
            iCount[x] = 0;
            if (c >= threshold && x > lastItem) {
                kids = growKids(depth, kids, numKids);
                iChild[x] = numKids;
                kids[4 * numKids] = x;
                kids[4 * numKids + 1] = 1;
                kids[4 * numKids + 2] = total;
                kids[4 * numKids + 3] = total;
                total += c;
                numKids++;
            }
        }
        for (int t = 0; t < numTouchedS; t++) {
            int x = touchedS[t];
            int c = sCount[x];
            sCount[x] = 0;
            if (c >= threshold) {
                kids = growKids(depth, kids, numKids);
                sChild[x] = numKids;
                kids[4 * numKids] = x;
                kids[4 * numKids + 1] = 0;
                kids[4 * numKids + 2] = total;
                kids[4 * numKids + 3] = total;
                total += c;
                numKids++;
            }
        }
        if (numKids == 0) {
            return;
        }
        int[] childSeqs = arena(arenaSeq, next, total);
        int[] childEnds = arena(arenaPos, next, total);
        project(seqs, ends, from, to, lastSetStart, lastLen, kids, childSeqs, childEnds);
        for (int k = 0; k < numKids; k++) {
            int x = kids[4 * k];
            if (kids[4 * k + 1] == 1) {
                iChild[x] = -1;
            } else {
                sChild[x] = -1;
            }
        }
        for (int k = 0; k < numKids; k++) {
            int x = kids[4 * k];
            boolean itemsetExt = kids[4 * k + 1] == 1;
            int cFrom = kids[4 * k + 2];
            int cTo = kids[4 * k + 3];
            int saved = patternLength;
            ensurePattern(patternLength + 2);
            if (!itemsetExt) {
                this.pattern[patternLength++] = PatternSink.ITEMSET_END;
            }
            this.pattern[patternLength++] = x;
            ctx.emit(this.pattern, patternLength, itemCount + 1, cTo - cFrom);
            if (itemCount + 1 < maxLength && cTo - cFrom >= ctx.threshold()) {
                expand(next, itemCount + 1, childSeqs, childEnds, cFrom, cTo);
            }
            patternLength = saved;
            if (ctx.stopped()) {
                return;
            }
        }
    }

    /** Second pass: writes the earliest end element of every frequent extension, per sequence, into the arena. */
    private void project(int[] seqs, int[] ends, int from, int to, int lastSetStart, int lastLen, int[] kids,
                         int[] childSeqs, int[] childEnds) {
        final int[] codes = this.codes;
        final int[] starts = this.starts;
        final int[] sStamp = this.sStamp;
        final int[] iStamp = this.iStamp;
        final int[] sChild = this.sChild;
        final int[] iChild = this.iChild;
        final int[] pattern = this.pattern;
        for (int e = from; e < to; e++) {
            int st = nextStamp();
            int seq = seqs[e];
            int end = starts[seq + 1];
            int j = ends[e] + 1;
            while (j < end && codes[j] >= 0) {
                int x = codes[j];
                int k = iChild[x];
                if (k >= 0 && iStamp[x] != st) {
                    iStamp[x] = st;
                    int w = kids[4 * k + 3]++;
                    childSeqs[w] = seq;
                    childEnds[w] = j;
                }
                j++;
            }
            int m = 0;
            for (; j < end; j++) {
                int c = codes[j];
                if (c < 0) {
                    m = 0;
                }
                int x = c & RankedDatabase.RANK_MASK;
                int k = sChild[x];
                if (k >= 0 && sStamp[x] != st) {
                    sStamp[x] = st;
                    int w = kids[4 * k + 3]++;
                    childSeqs[w] = seq;
                    childEnds[w] = j;
                }
                if (singletons) {
                    continue;
                }
                if (m == lastLen) {
                    k = iChild[x];
                    if (k >= 0 && iStamp[x] != st) {
                        iStamp[x] = st;
                        int w = kids[4 * k + 3]++;
                        childSeqs[w] = seq;
                        childEnds[w] = j;
                    }
                } else if (x == pattern[lastSetStart + m]) {
                    m++;
                }
            }
        }
    }

    private int nextStamp() {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(sStamp, 0);
            Arrays.fill(iStamp, 0);
            stamp = 1;
        }
        return stamp;
    }

    private void ensureDepth(int depth) {
        if (depth >= children.length) {
            int n = Math.max(depth + 1, children.length * 2);
            children = Arrays.copyOf(children, n);
            arenaSeq = Arrays.copyOf(arenaSeq, n);
            arenaPos = Arrays.copyOf(arenaPos, n);
        }
    }

    private int[] growKids(int depth, int[] kids, int numKids) {
        if (kids == null || kids.length < 4 * (numKids + 1)) {
            kids = Arrays.copyOf(kids == null ? new int[0] : kids, Math.max(64, 8 * (numKids + 1)));
            children[depth] = kids;
        }
        return kids;
    }

    private static int[] arena(int[][] arenas, int depth, int size) {
        int[] a = arenas[depth];
        if (a == null || a.length < size) {
            a = new int[Math.max(size, a == null ? 0 : a.length + (a.length >> 1))];
            arenas[depth] = a;
        }
        return a;
    }

    private void ensurePattern(int size) {
        if (pattern.length < size) {
            pattern = Arrays.copyOf(pattern, pattern.length * 2);
        }
    }
}
