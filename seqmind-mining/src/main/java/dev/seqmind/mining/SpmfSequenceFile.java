package dev.seqmind.mining;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.LongDenseIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads an SPMF sequence file (one sequence per line; items are non-negative integers; {@code -1} ends an itemset,
 * {@code -2} ends the sequence; lines starting with {@code #}, {@code %} or {@code @} are ignored) straight from its
 * bytes into a {@link SequenceDatabase}, without building strings or events per item. It exists for speed: the
 * general readers of {@code dev.seqmind.data.read} build a {@code SequenceDataset} with users, actions and times that
 * mining does not need.
 *
 * <p>Dense item ids ascend with the numeric label (so itemsets are in SPMF's order); the external id of an item is its decimal label. Items inside an
 * itemset are sorted and de-duplicated. A line whose last sequence lacks {@code -2} is closed at the line end. Empty
 * itemsets ({@code -1 -1}) keep their position, so positional gaps stay true to the file. Stateless and thread-safe.
 */
public final class SpmfSequenceFile {
    private SpmfSequenceFile() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws InputFormatException naming the line when a token is not an integer, or is negative other than -1/-2
     */
    public static SequenceDatabase read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SPMF file " + file, e);
        }
        return parse(file.toString(), bytes);
    }

    /** Parses SPMF sequence bytes; {@code source} names them in error messages. */
    public static SequenceDatabase parse(String source, byte[] bytes) {
        int cap = Math.max(16, bytes.length / 4);
        int[] items = new int[cap];
        int[] itemsets = new int[cap];
        int[] starts = new int[1024];
        int numSeq = 0;
        int n = 0;
        LongDenseIds ids = new LongDenseIds(1024);
        int itemset = 0;
        int itemsetStart = 0;
        boolean open = false;
        long line = 1;
        int i = 0;
        int len = bytes.length;
        while (i < len) {
            byte b = bytes[i];
            if (b == '\n') {
                if (open) {
                    n = closeItemset(items, itemsets, itemsetStart, n, itemset);
                    open = false;
                    if (numSeq + 1 >= starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[++numSeq] = n;
                }
                line++;
                i++;
                continue;
            }
            if (b == ' ' || b == '\t' || b == '\r') {
                i++;
                continue;
            }
            if ((b == '#' || b == '%' || b == '@') && !open) {
                while (i < len && bytes[i] != '\n') {
                    i++;
                }
                continue;
            }
            boolean negative = false;
            if (b == '-') {
                negative = true;
                i++;
            }
            long value = 0;
            int digits = 0;
            while (i < len && bytes[i] >= '0' && bytes[i] <= '9') {
                value = value * 10 + (bytes[i] - '0');
                if (value > Integer.MAX_VALUE) {
                    throw new InputFormatException(source, line, "item", "number too large");
                }
                digits++;
                i++;
            }
            if (digits == 0 || (i < len && bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r'
                    && bytes[i] != '\n')) {
                throw new InputFormatException(source, line, "token",
                        "expected an integer item, -1 or -2 (SPMF sequence format without timestamps)");
            }
            if (!open) {
                open = true;
                itemset = 0;
                itemsetStart = n;
                starts[numSeq] = n;
            }
            if (negative) {
                if (value == 1) {
                    n = closeItemset(items, itemsets, itemsetStart, n, itemset);
                    itemset++;
                    itemsetStart = n;
                } else if (value == 2) {
                    n = closeItemset(items, itemsets, itemsetStart, n, itemset);
                    open = false;
                    if (numSeq + 1 >= starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[++numSeq] = n;
                } else {
                    throw new InputFormatException(source, line, "token",
                            "negative number -" + value + "; only -1 (end of itemset) and -2 (end of sequence)");
                }
                continue;
            }
            if (n == items.length) {
                items = Arrays.copyOf(items, n * 2);
                itemsets = Arrays.copyOf(itemsets, n * 2);
            }
            items[n] = ids.getOrAdd((int) value);
            itemsets[n] = itemset;
            n++;
        }
        if (open) {
            n = closeItemset(items, itemsets, itemsetStart, n, itemset);
            if (numSeq + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[++numSeq] = n;
        }
        // renumber dense ids in ascending numeric order of the labels, so itemsets sort as SPMF sorts them
        int numIds = ids.size();
        long[] keyed = new long[numIds];
        for (int id = 0; id < numIds; id++) {
            keyed[id] = (ids.key(id) << 32) | id;
        }
        Arrays.sort(keyed);
        int[] remap = new int[numIds];
        List<String> labels = new ArrayList<>(numIds);
        for (int d = 0; d < numIds; d++) {
            remap[(int) keyed[d]] = d;
            labels.add(Long.toString(keyed[d] >>> 32));
        }
        for (int e = 0; e < n; e++) {
            items[e] = remap[items[e]];
        }
        for (int e = 1; e < n; e++) {
            int k = e;
            while (k > 0 && itemsets[k] == itemsets[k - 1] && items[k] < items[k - 1] && !isStart(starts, numSeq, k)) {
                int tmp = items[k];
                items[k] = items[k - 1];
                items[k - 1] = tmp;
                k--;
            }
        }
        return new SequenceDatabase(fileName(source), Arrays.copyOf(starts, numSeq + 1), Arrays.copyOf(items, n),
                Arrays.copyOf(itemsets, n), null, IdMap.of(labels), ItemCatalog.EMPTY);
    }

    private static boolean isStart(int[] starts, int numSeq, int e) {
        return Arrays.binarySearch(starts, 0, numSeq + 1, e) >= 0;
    }

    /** Sorts and de-duplicates {@code items[from, to)}; returns the new end. */
    private static int closeItemset(int[] items, int[] itemsets, int from, int to, int itemset) {
        if (to - from > 1) {
            Arrays.sort(items, from, to);
            int w = from + 1;
            for (int k = from + 1; k < to; k++) {
                if (items[k] != items[w - 1]) {
                    items[w] = items[k];
                    itemsets[w] = itemset;
                    w++;
                }
            }
            return w;
        }
        return to;
    }

    private static String fileName(String source) {
        int slash = source.lastIndexOf('/');
        String base = slash >= 0 ? source.substring(slash + 1) : source;
        return base.endsWith(".txt") ? base.substring(0, base.length() - 4) : base;
    }
}
