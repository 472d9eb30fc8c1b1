package dev.seqmind.mining.sequence;

import dev.seqmind.mining.PatternSink;

import java.util.Arrays;

/**
 * One worker of the SPAM search: depth-first over patterns, each carrying a sparse vertical bitmap (the sequences where
 * it occurs and, per sequence, the bits of the itemsets where a match of it ends). A sequence extension by item
 * {@code x} keeps, per sequence, the bits of {@code x} strictly after the first set bit of the pattern; an itemset
 * extension ANDs the bitmaps. Candidates are pruned the SPAM way: a child may only try the extensions its parent
 * found frequent. Child bitmaps are written into an arena owned by the child depth and rewound when infrequent, so
 * steady-state search allocates nothing.
 *
 * <p>Not thread-safe: each worker thread owns one instance; {@link SpamBitmaps} are shared read-only.
 */
final class SpamSearch {
    private final SearchContext ctx;
    private final int[] wordStart;
    private final long[][] itemWords;
    private final int maxLength;
    private final int numRanks;

    private int[][] arenaSeq = new int[8][];
    private int[][] arenaOff = new int[8][];
    private long[][] arenaWords = new long[8][];
    /** Per depth: child table (rank, kind, entry from, entry to) and the frequent s/i candidate lists. */
    private int[][] kidsByDepth = new int[8][];
    private int[][] sListByDepth = new int[8][];
    private int[][] iListByDepth = new int[8][];
    private int[] pattern = new int[64];
    private int patternLength;
    private final int[] allRanks;

    SpamSearch(SearchContext ctx, SpamBitmaps bitmaps) {
        this.ctx = ctx;
        this.wordStart = bitmaps.wordStart;
        this.itemWords = bitmaps.itemWords;
        this.maxLength = ctx.constraints().maxLength();
        this.numRanks = ctx.db().numRanks();
        this.allRanks = new int[numRanks];
        for (int r = 0; r < numRanks; r++) {
            allRanks[r] = r;
        }
    }

    void mineFrom(int rank) {
        int n = wordStart.length - 1;
        long[] iw = itemWords[rank];
        int entries = 0;
        int words = 0;
        for (int s = 0; s < n; s++) {
            boolean any = false;
            for (int w = wordStart[s]; w < wordStart[s + 1] && !any; w++) {
                any = iw[w] != 0;
            }
            if (any) {
                entries++;
                words += wordStart[s + 1] - wordStart[s];
            }
        }
        int[] seqs = new int[entries];
        int[] offs = new int[entries + 1];
        long[] bits = new long[words];
        int k = 0;
        int fill = 0;
        for (int s = 0; s < n; s++) {
            int a = wordStart[s];
            int b = wordStart[s + 1];
            boolean any = false;
            for (int w = a; w < b && !any; w++) {
                any = iw[w] != 0;
            }
            if (any) {
                seqs[k] = s;
                offs[k] = fill;
                System.arraycopy(iw, a, bits, fill, b - a);
                fill += b - a;
                k++;
            }
        }
        offs[entries] = fill;
        patternLength = 0;
        pattern[patternLength++] = rank;
        ctx.emit(pattern, patternLength, 1, entries);
        if (maxLength > 1) {
            int[] iCands = Arrays.copyOfRange(allRanks, Math.min(rank + 1, numRanks), numRanks);
            expand(0, 1, seqs, offs, bits, 0, entries, allRanks, numRanks, iCands, iCands.length);
        }
    }

    private void expand(int depth, int itemCount, int[] seqs, int[] offs, long[] bits, int from, int to,
                        int[] sCands, int nS, int[] iCands, int nI) {
        if (ctx.stopped()) {
            return;
        }
        ctx.visitNode();
        int next = depth + 1;
        ensureDepth(next);
        long threshold = ctx.threshold();
        int[] sList = scratch(sListByDepth, depth, nS);
        int[] iList = scratch(iListByDepth, depth, nI);
        int[] kids = scratch(kidsByDepth, depth, 4 * (nS + nI));
        int numKids = 0;
        int entryFill = 0;
        int wordFill = 0;
        int entryCap = to - from;
        int wordCap = offs[to] - offs[from];
        int nSFreq = 0;
        int nIFreq = 0;
        for (int pass = 0; pass < 2; pass++) {
            boolean itemsetStep = pass == 1;
            int[] cands = itemsetStep ? iCands : sCands;
            int nc = itemsetStep ? nI : nS;
            for (int c = 0; c < nc; c++) {
                int x = cands[c];
                int[] cSeq = ensureInt(arenaSeq, next, entryFill + entryCap);
                int[] cOff = ensureInt(arenaOff, next, entryFill + entryCap + 1);
                long[] cWords = ensureLong(arenaWords, next, wordFill + wordCap);
                long[] iw = itemWords[x];
                int e0 = entryFill;
                int w0 = wordFill;
                for (int e = from; e < to; e++) {
                    int s = seqs[e];
                    int pa = offs[e];
                    int pb = offs[e + 1];
                    int base = wordStart[s] - pa;
                    boolean nonZero = false;
                    if (itemsetStep) {
                        for (int w = pa; w < pb; w++) {
                            long v = bits[w] & iw[base + w];
                            cWords[wordFill + w - pa] = v;
                            nonZero |= v != 0;
                        }
                    } else {
                        int w = pa;
                        while (bits[w] == 0) {
                            cWords[wordFill + w - pa] = 0;
                            w++;
                        }
                        long low = bits[w] & -bits[w];
                        long v = iw[base + w] & -(low << 1);
                        cWords[wordFill + w - pa] = v;
                        nonZero = v != 0;
                        for (w++; w < pb; w++) {
                            v = iw[base + w];
                            cWords[wordFill + w - pa] = v;
                            nonZero |= v != 0;
                        }
                    }
                    if (nonZero) {
                        cSeq[entryFill] = s;
                        cOff[entryFill] = wordFill;
                        entryFill++;
                        wordFill += pb - pa;
                    }
                }
                int support = entryFill - e0;
                if (support >= threshold) {
                    cOff[entryFill] = wordFill;
                    kids[4 * numKids] = x;
                    kids[4 * numKids + 1] = pass;
                    kids[4 * numKids + 2] = e0;
                    kids[4 * numKids + 3] = entryFill;
                    numKids++;
                    if (itemsetStep) {
                        iList[nIFreq++] = x;
                    } else {
                        sList[nSFreq++] = x;
                    }
                } else {
                    entryFill = e0;
                    wordFill = w0;
                }
            }
        }
        int[] cSeq = arenaSeq[next];
        int[] cOff = arenaOff[next];
        long[] cWords = arenaWords[next];
        for (int k = 0; k < numKids; k++) {
            int x = kids[4 * k];
            boolean itemsetStep = kids[4 * k + 1] == 1;
            int cFrom = kids[4 * k + 2];
            int cTo = kids[4 * k + 3];
            int saved = patternLength;
            if (pattern.length < patternLength + 2) {
                pattern = Arrays.copyOf(pattern, pattern.length * 2);
            }
            if (!itemsetStep) {
                pattern[patternLength++] = PatternSink.ITEMSET_END;
            }
            pattern[patternLength++] = x;
            ctx.emit(pattern, patternLength, itemCount + 1, cTo - cFrom);
            if (itemCount + 1 < maxLength && cTo - cFrom >= ctx.threshold()) {
                // children of x may try the frequent sequence extensions, and itemset extensions above x
                int[] list = itemsetStep ? iList : sList;
                int nList = itemsetStep ? nIFreq : nSFreq;
                int firstAbove = 0;
                while (firstAbove < nList && list[firstAbove] <= x) {
                    firstAbove++;
                }
                int[] above = Arrays.copyOfRange(list, firstAbove, nList);
                Arrays.sort(above);
                expand(next, itemCount + 1, cSeq, cOff, cWords, cFrom, cTo, sList, nSFreq, above, above.length);
                cSeq = arenaSeq[next];
                cOff = arenaOff[next];
                cWords = arenaWords[next];
            }
            patternLength = saved;
            if (ctx.stopped()) {
                return;
            }
        }
    }

    private void ensureDepth(int depth) {
        if (depth >= kidsByDepth.length) {
            int n = Math.max(depth + 1, kidsByDepth.length * 2);
            kidsByDepth = Arrays.copyOf(kidsByDepth, n);
            sListByDepth = Arrays.copyOf(sListByDepth, n);
            iListByDepth = Arrays.copyOf(iListByDepth, n);
            arenaSeq = Arrays.copyOf(arenaSeq, n);
            arenaOff = Arrays.copyOf(arenaOff, n);
            arenaWords = Arrays.copyOf(arenaWords, n);
        }
    }

    private static int[] scratch(int[][] byDepth, int depth, int size) {
        if (byDepth[depth] == null || byDepth[depth].length < size) {
            byDepth[depth] = new int[Math.max(16, size)];
        }
        return byDepth[depth];
    }

    private static int[] ensureInt(int[][] arenas, int depth, int size) {
        int[] a = arenas[depth];
        if (a == null || a.length < size) {
            arenas[depth] = a == null ? new int[Math.max(size, 64)] : Arrays.copyOf(a, Math.max(size, a.length * 2));
        }
        return arenas[depth];
    }

    private static long[] ensureLong(long[][] arenas, int depth, int size) {
        long[] a = arenas[depth];
        if (a == null || a.length < size) {
            arenas[depth] = a == null ? new long[Math.max(size, 64)] : Arrays.copyOf(a, Math.max(size, a.length * 2));
        }
        return arenas[depth];
    }
}
