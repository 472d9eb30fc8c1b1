package dev.seqmind.data.write;

import dev.seqmind.data.collect.CanonicalNumber;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.TimeKind;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a dataset in the formats other tools read. Every writer returns the files it wrote. Formats that need
 * integer ids (SPMF, SASRec, sequence lines) use {@code dense id + 1}; the files {@code <base>.users.tsv} and
 * {@code <base>.items.tsv} map them back to external ids. Stateless and thread-safe.
 */
public final class DatasetExporter {
    /** Writes {@code data} as {@code format} with file names starting with {@code base} (a path without extension). */
    public List<Path> export(SequenceDataset data, ExportFormat format, Path base) throws IOException {
        return switch (format) {
            case SPMF -> withMaps(data, base, writeSpmf(data, sibling(base, ".txt")));
            case RECBOLE -> writeRecBole(data, base);
            case SASREC -> withMaps(data, base, writeSasrec(data, sibling(base, ".txt")));
            case SEQUENCES -> withMaps(data, base, writeSequences(data, sibling(base, ".txt")));
        };
    }

    /**
     * SPMF: one line per user, itemsets by equal time, items sorted inside an itemset and not repeated. Items keep
     * their external ids when all of them are non-negative integers (so SPMF files round-trip), else dense id + 1.
     */
    public Path writeSpmf(SequenceDataset data, Path file) throws IOException {
        int[] code = spmfCodes(data.items());
        try (BufferedWriter w = OutputFiles.open(file)) {
            int[] itemset = new int[16];
            for (int u = 0; u < data.numUsers(); u++) {
                if (data.length(u) == 0) {
                    continue;
                }
                StringBuilder line = new StringBuilder();
                int i = data.start(u);
                while (i < data.end(u)) {
                    int j = i;
                    int n = 0;
                    while (j < data.end(u) && data.time(j) == data.time(i)) {
                        if (n == itemset.length) {
                            itemset = Arrays.copyOf(itemset, n * 2);
                        }
                        itemset[n++] = code[data.item(j)];
                        j++;
                    }
                    Arrays.sort(itemset, 0, n);
                    for (int k = 0; k < n; k++) {
                        if (k == 0 || itemset[k] != itemset[k - 1]) {
                            line.append(itemset[k]).append(' ');
                        }
                    }
                    line.append("-1 ");
                    i = j;
                }
                w.append(line).append("-2\n");
            }
        }
        return file;
    }

    private static int[] spmfCodes(IdMap items) {
        int[] code = new int[items.size()];
        for (int i = 0; i < code.length; i++) {
            long v = CanonicalNumber.parse(items.externalId(i));
            if (v < 0 || v > Integer.MAX_VALUE) {
                for (int k = 0; k < code.length; k++) {
                    code[k] = k + 1;
                }
                return code;
            }
            code[i] = (int) v;
        }
        return code;
    }

    /** SASRec: {@code user item} per line, users in dense order, each user's events in time order. */
    public Path writeSasrec(SequenceDataset data, Path file) throws IOException {
        try (BufferedWriter w = OutputFiles.open(file)) {
            for (int u = 0; u < data.numUsers(); u++) {
                String user = Integer.toString(u + 1);
                for (int i = data.start(u); i < data.end(u); i++) {
                    w.append(user).append(' ').append(Integer.toString(data.item(i) + 1)).append('\n');
                }
            }
        }
        return file;
    }

    /** One user per line: {@code user item1 item2 ...}. */
    public Path writeSequences(SequenceDataset data, Path file) throws IOException {
        try (BufferedWriter w = OutputFiles.open(file)) {
            for (int u = 0; u < data.numUsers(); u++) {
                if (data.length(u) == 0) {
                    continue;
                }
                w.append(Integer.toString(u + 1));
                for (int i = data.start(u); i < data.end(u); i++) {
                    w.append(' ').append(Integer.toString(data.item(i) + 1));
                }
                w.append('\n');
            }
        }
        return file;
    }

    /** RecBole atomic files: {@code .inter} (user, item, timestamp in seconds, action) and {@code .item}. */
    public List<Path> writeRecBole(SequenceDataset data, Path base) throws IOException {
        Path inter = sibling(base, ".inter");
        boolean clock = data.info().timeKind() == TimeKind.EPOCH_MILLIS;
        boolean actions = data.actions().size() > 1;
        try (BufferedWriter w = OutputFiles.open(inter)) {
            w.append("user_id:token\titem_id:token\ttimestamp:float").append(actions ? "\taction:token\n" : "\n");
            for (int u = 0; u < data.numUsers(); u++) {
                String user = token(data.users().externalId(u));
                for (int i = data.start(u); i < data.end(u); i++) {
                    w.append(user).append('\t').append(token(data.items().externalId(data.item(i)))).append('\t');
                    long t = data.time(i);
                    w.append(clock ? (t % 1000 == 0 ? Long.toString(t / 1000) : Double.toString(t / 1000.0))
                            : Long.toString(t));
                    if (actions) {
                        w.append('\t').append(token(data.actions().externalId(data.action(i))));
                    }
                    w.append('\n');
                }
            }
        }
        List<Path> files = new ArrayList<>(List.of(inter));
        if (!data.catalog().isEmpty()) {
            Path item = sibling(base, ".item");
            try (BufferedWriter w = OutputFiles.open(item)) {
                w.append("item_id:token\ttitle:token_seq\tcategories:token_seq\n");
                for (var e : data.catalog().asMap().entrySet()) {
                    ItemMetadata m = e.getValue();
                    w.append(token(e.getKey())).append('\t').append(token(m.title())).append('\t');
                    w.append(String.join(" ", m.categories().stream().map(c -> c.replace(' ', '_')).toList()));
                    w.append('\n');
                }
            }
            files.add(item);
        }
        return files;
    }

    private List<Path> withMaps(SequenceDataset data, Path base, Path main) throws IOException {
        return List.of(main, writeMap(data.users(), sibling(base, ".users.tsv"), "user"),
                writeMap(data.items(), sibling(base, ".items.tsv"), "item"));
    }

    private static Path writeMap(IdMap ids, Path file, String what) throws IOException {
        try (BufferedWriter w = OutputFiles.open(file)) {
            w.append(what).append("_index\t").append(what).append("_id\n");
            for (int i = 0; i < ids.size(); i++) {
                w.append(Integer.toString(i + 1)).append('\t').append(token(ids.externalId(i))).append('\n');
            }
        }
        return file;
    }

    private static String token(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static Path sibling(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }
}
