package dev.seqmind.mining.sequence;

import dev.seqmind.mining.PatternSink;

import java.util.Arrays;

/**
 * One worker of the projection search under gap and window constraints. Under such constraints the earliest match of
 * a prefix is not enough (a later match may leave room for an extension the earliest one does not), so a projection
 * lists every element where a valid match of the prefix ends, grouped by sequence and ascending, together with the
 * latest start time among the matches ending there (a later start only loosens the window, so it dominates).
 *
 * <p>Sequence extensions sweep the itemsets after the first match end; an itemset is reachable when some match ends at
 * most {@code maxGap} positions and {@code maxGapTime} before it and starts at most {@code maxWindow} before it.
 * Itemset extensions are the items after a match end inside its itemset (same start). A match that fails a gap or
 * window test fails it for every later itemset too, which bounds the sweep.
 *
 * <p>Not thread-safe: each worker thread owns one instance.
 */
final class OccurrenceSearch {
    private final SearchContext ctx;
    private final FirstLevel level;
    private final int[] codes;
    private final int[] starts;
    private final int[] pos;
    private final long[] time;
    private final int maxLength;
    private final int maxGap;
    private final long maxGapTime;
    private final long maxWindow;

    private final CandidateLists sCand;
    private final CandidateLists iCand;
    private int stamp;

    private int[][] arenaSeq = new int[8][];
    private int[][] arenaEnd = new int[8][];
    private long[][] arenaStart = new long[8][];
    private int[][] children = new int[8][];
    private int[] pattern = new int[64];
    private int patternLength;

    OccurrenceSearch(SearchContext ctx, FirstLevel level) {
        this.ctx = ctx;
        this.level = level;
        RankedDatabase db = ctx.db();
        this.codes = db.codes;
        this.starts = db.starts;
        this.pos = db.itemsetIndex;
        this.time = db.time;
        PatternConstraints c = ctx.constraints();
        this.maxLength = c.maxLength();
        this.maxGap = c.maxGap();
        this.maxGapTime = c.maxGapTime();
        this.maxWindow = c.maxWindow();
        this.sCand = new CandidateLists(db.numRanks());
        this.iCand = new CandidateLists(db.numRanks());
    }

    void mineFrom(int rank) {
        int from = level.from(rank);
        int to = level.to(rank);
        int[] seqs = Arrays.copyOfRange(level.seqs, from, to);
        int[] ends = Arrays.copyOfRange(level.ends, from, to);
        long[] startTimes = new long[to - from];
        int support = 0;
        for (int e = 0; e < seqs.length; e++) {
            startTimes[e] = time[ends[e]];
            if (e == 0 || seqs[e] != seqs[e - 1]) {
                support++;
            }
        }
        patternLength = 0;
        pattern[patternLength++] = rank;
        ctx.emit(pattern, patternLength, 1, support);
        if (maxLength > 1) {
            expand(0, 1, seqs, ends, startTimes, 0, seqs.length);
        }
    }

    private void expand(int depth, int itemCount, int[] seqs, int[] ends, long[] startTimes, int from, int to) {
        if (ctx.stopped()) {
            return;
        }
        ctx.visitNode();
        int g = from;
        while (g < to) {
            int seq = seqs[g];
            int gEnd = g + 1;
            while (gEnd < to && seqs[gEnd] == seq) {
                gEnd++;
            }
            scanGroup(seq, ends, startTimes, g, gEnd);
            g = gEnd;
        }
        long threshold = ctx.threshold();
        int next = depth + 1;
        ensureDepth(next);
        int[] kids = children[depth];
        int numKids = 0;
        int total = 0;
        for (int pass = 0; pass < 2; pass++) {
            CandidateLists cand = pass == 0 ? iCand : sCand;
            for (int t = 0; t < cand.numTouched; t++) {
                int x = cand.touched[t];
                if (cand.support[x] >= threshold) {
                    if (kids == null || kids.length < 4 * (numKids + 1)) {
                        kids = Arrays.copyOf(kids == null ? new int[0] : kids, Math.max(64, 8 * (numKids + 1)));
                        children[depth] = kids;
                    }
                    kids[4 * numKids] = x;
                    kids[4 * numKids + 1] = pass == 0 ? 1 : 0;
                    kids[4 * numKids + 2] = total;
                    kids[4 * numKids + 3] = cand.support[x];
                    total += cand.size[x];
                    numKids++;
                }
            }
        }
        int[] cSeqs = arenaInt(arenaSeq, next, total);
        int[] cEnds = arenaInt(arenaEnd, next, total);
        long[] cStarts = arenaLong(arenaStart, next, total);
        for (int k = 0; k < numKids; k++) {
            CandidateLists cand = kids[4 * k + 1] == 1 ? iCand : sCand;
            int x = kids[4 * k];
            int n = cand.size[x];
            System.arraycopy(cand.seq[x], 0, cSeqs, kids[4 * k + 2], n);
            System.arraycopy(cand.end[x], 0, cEnds, kids[4 * k + 2], n);
            System.arraycopy(cand.start[x], 0, cStarts, kids[4 * k + 2], n);
        }
        iCand.reset();
        sCand.reset();
        for (int k = 0; k < numKids; k++) {
            int x = kids[4 * k];
            int cFrom = kids[4 * k + 2];
            int cTo = k + 1 < numKids ? kids[4 * (k + 1) + 2] : total;
            int support = kids[4 * k + 3];
            int saved = patternLength;
            if (pattern.length < patternLength + 2) {
                pattern = Arrays.copyOf(pattern, pattern.length * 2);
            }
            if (kids[4 * k + 1] == 0) {
                pattern[patternLength++] = PatternSink.ITEMSET_END;
            }
            pattern[patternLength++] = x;
            ctx.emit(pattern, patternLength, itemCount + 1, support);
            if (itemCount + 1 < maxLength && support >= ctx.threshold()) {
                expand(next, itemCount + 1, cSeqs, cEnds, cStarts, cFrom, cTo);
            }
            patternLength = saved;
            if (ctx.stopped()) {
                return;
            }
        }
    }

    /** Collects the extensions of the matches {@code [g, gEnd)} of one sequence. */
    private void scanGroup(int seq, int[] ends, long[] startTimes, int g, int gEnd) {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(iCand.lastStamp, 0);
            Arrays.fill(sCand.lastStamp, 0);
            stamp = 1;
        }
        int st = stamp;
        int seqEnd = starts[seq + 1];
        for (int o = g; o < gEnd; o++) {
            int j = ends[o] + 1;
            while (j < seqEnd && codes[j] >= 0) {
                iCand.add(codes[j], seq, j, startTimes[o], st);
                j++;
            }
        }
        int lo = g;
        int j = ends[g] + 1;
        while (j < seqEnd) {
            // j is inside or at the start of an itemset; move to the next itemset start
            while (j < seqEnd && codes[j] >= 0) {
                j++;
            }
            if (j >= seqEnd) {
                break;
            }
            int setPos = pos[j];
            long setTime = time[j];
            while (lo < gEnd && pos[ends[lo]] < setPos
                    && (setPos - pos[ends[lo]] > maxGap || setTime - time[ends[lo]] > maxGapTime)) {
                lo++;
            }
            boolean any = false;
            long best = Long.MIN_VALUE;
            int o = lo;
            for (; o < gEnd && pos[ends[o]] < setPos; o++) {
                if (setPos - pos[ends[o]] <= maxGap && setTime - time[ends[o]] <= maxGapTime
                        && setTime - startTimes[o] <= maxWindow) {
                    any = true;
                    best = Math.max(best, startTimes[o]);
                }
            }
            if (!any && o == gEnd) {
                break;
            }
            int k = j;
            do {
                if (any) {
                    sCand.add(codes[k] & RankedDatabase.RANK_MASK, seq, k, best, st);
                }
                k++;
            } while (k < seqEnd && codes[k] >= 0);
            j = k;
        }
    }

    private void ensureDepth(int depth) {
        if (depth >= children.length) {
            int n = Math.max(depth + 1, children.length * 2);
            children = Arrays.copyOf(children, n);
            arenaSeq = Arrays.copyOf(arenaSeq, n);
            arenaEnd = Arrays.copyOf(arenaEnd, n);
            arenaStart = Arrays.copyOf(arenaStart, n);
        }
    }

    private static int[] arenaInt(int[][] arenas, int depth, int size) {
        if (arenas[depth] == null || arenas[depth].length < size) {
            arenas[depth] = new int[Math.max(size, 16)];
        }
        return arenas[depth];
    }

    private static long[] arenaLong(long[][] arenas, int depth, int size) {
        if (arenas[depth] == null || arenas[depth].length < size) {
            arenas[depth] = new long[Math.max(size, 16)];
        }
        return arenas[depth];
    }

    /** Growable per-rank lists of candidate matches with a per-sequence support count. Not thread-safe. */
    private static final class CandidateLists {
        final int[][] seq;
        final int[][] end;
        final long[][] start;
        final int[] size;
        final int[] support;
        final int[] lastStamp;
        final int[] touched;
        int numTouched;

        CandidateLists(int ranks) {
            seq = new int[ranks][];
            end = new int[ranks][];
            start = new long[ranks][];
            size = new int[ranks];
            support = new int[ranks];
            lastStamp = new int[ranks];
            touched = new int[ranks];
        }

        void add(int x, int s, int e, long startTime, int stamp) {
            int n = size[x];
            if (n == 0) {
                touched[numTouched++] = x;
                if (seq[x] == null) {
                    seq[x] = new int[8];
                    end[x] = new int[8];
                    start[x] = new long[8];
                }
            }
            if (n == seq[x].length) {
                seq[x] = Arrays.copyOf(seq[x], n * 2);
                end[x] = Arrays.copyOf(end[x], n * 2);
                start[x] = Arrays.copyOf(start[x], n * 2);
            }
            seq[x][n] = s;
            end[x][n] = e;
            start[x][n] = startTime;
            size[x] = n + 1;
            if (lastStamp[x] != stamp) {
                lastStamp[x] = stamp;
                support[x]++;
            }
        }

        void reset() {
            for (int t = 0; t < numTouched; t++) {
                int x = touched[t];
                size[x] = 0;
                support[x] = 0;
            }
            numTouched = 0;
        }
    }
}
